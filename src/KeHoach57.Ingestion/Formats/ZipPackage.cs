using System.IO.Compression;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// Checks a ZIP package (.docx) before any parser opens it: the number of parts, and what they really
/// unpack to, counted while inflating rather than trusted from the headers, which a zip bomb fakes.
/// </summary>
public static class ZipPackage
{
    public static bool Is(SourceFile file) => file.StartsWith("PK\u0003\u0004"u8);

    /// <summary>The names of the package's entries, or a refusal when it breaks a limit or is not a ZIP at all.</summary>
    public static (IReadOnlyList<string>? Entries, Unreadable? Problem) Inspect(SourceFile file, int maxEntries, long maxUnpackedBytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file.Bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > maxEntries)
                return (null, new Unreadable(ImportProblem.TooManyParts,
                    $"Tệp \"{file.Name}\" chứa {zip.Entries.Count} phần nén, vượt giới hạn {maxEntries}: không phải văn bản Word bình thường (có thể là tệp nén độc hại)."));
            var budget = maxUnpackedBytes;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    budget -= read;
                    if (budget < 0)
                        return (null, new Unreadable(ImportProblem.TooManyParts,
                            $"Tệp \"{file.Name}\" giải nén ra hơn {maxUnpackedBytes / (1024 * 1024)} MB: không phải văn bản Word bình thường (có thể là \"bom nén\"). Tệp không được mở."));
                }
            }
            return (zip.Entries.Select(e => e.FullName).ToList(), null);
        }
        catch (InvalidDataException e)
        {
            return (null, new Unreadable(ImportProblem.Damaged, $"Tệp nén \"{file.Name}\" bị hỏng: {e.Message}"));
        }
    }
}
