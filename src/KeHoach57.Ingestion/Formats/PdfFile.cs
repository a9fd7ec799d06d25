using System.IO.Compression;
using System.Text;

namespace KeHoach57.Ingestion.Formats;

/// <summary>What is checked on a PDF before any parser sees it: that it is one, and that it is whole.</summary>
public static partial class PdfFile
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] End = "%%EOF"u8.ToArray();

    /// <summary>"%PDF-" within the first kilobyte (the specification lets junk precede it).</summary>
    public static bool Is(SourceFile file) => file.Bytes.AsSpan(0, Math.Min(1024, file.Bytes.Length)).IndexOf(Header) >= 0;

    /// <summary>A PDF ends with "%%EOF" (give or take a few bytes of padding); one cut short in a download or an e-mail does not.</summary>
    public static bool IsTruncated(SourceFile file)
    {
        var tail = file.Bytes.AsSpan(Math.Max(0, file.Bytes.Length - 2048));
        return tail.IndexOf(End) < 0;
    }

    public static Unreadable Truncated(SourceFile file) => new(ImportProblem.Damaged,
        $"Tệp PDF \"{file.Name}\" bị cắt cụt (thiếu phần kết thúc %%EOF): tệp tải về hoặc sao chép chưa trọn. Hãy lấy lại tệp gốc đầy đủ.");

    public static Unreadable Encrypted(SourceFile file) => new(ImportProblem.Encrypted,
        $"Tệp PDF \"{file.Name}\" được bảo vệ bằng mật khẩu (mã hóa), không đọc được nội dung. Hãy mở bằng mật khẩu và lưu lại thành bản PDF không khóa rồi nhập lại.");

    public static Unreadable TooManyPages(SourceFile file, int pages, int max) => new(ImportProblem.TooLarge,
        $"Tệp PDF \"{file.Name}\" có {pages} trang, vượt giới hạn {max} trang cho một văn bản.");

    /// <summary>Whether the dictionary of the stream whose keyword starts at <paramref name="keyword"/> says it is an image.</summary>
    private static bool IsImage(byte[] data, int keyword)
    {
        var from = Math.Max(0, keyword - 4096);
        var before = data.AsSpan(from, keyword - from);
        var objectStart = before.LastIndexOf(" obj"u8);
        var dictionary = Encoding.Latin1.GetString(objectStart >= 0 ? before[objectStart..] : before);
        return ImageSubtype().IsMatch(dictionary);
    }

    public static Unreadable TooMuchUnpacked(SourceFile file, long max) => new(ImportProblem.TooManyParts,
        $"Tệp PDF \"{file.Name}\" giải nén ra hơn {max / (1024 * 1024)} MB: không phải văn bản bình thường (có thể là \"bom nén\"). Tệp không được mở.");

    /// <summary>
    /// Whether the file's zlib-compressed streams, inflated one after another, stay within <paramref name="max"/>
    /// bytes in all. Reading text inflates content, font and object streams whole in memory; a PDF "bomb" (a few
    /// hundred kilobytes of zeros that inflate to gigabytes) is stopped here, by counting, before any parser sees
    /// it. A page image is held to that limit on its own rather than in the sum: a scan's pages legitimately
    /// unpack to tens of megabytes each, and text reading does not inflate them (pdftoppm renders them as it reads).
    /// </summary>
    public static bool UnpacksWithin(SourceFile file, long max)
    {
        var data = file.Bytes;
        var budget = max;
        var buffer = new byte[81920];
        var from = 0;
        while (from < data.Length)
        {
            var found = data.AsSpan(from).IndexOf("stream"u8);
            if (found < 0) break;
            var start = from + found + 6;
            from = start;
            if (from - 9 >= 0 && data.AsSpan(from - 9, 3).SequenceEqual("end"u8)) continue;
            var image = IsImage(data, from - 6);
            if (start < data.Length && data[start] == '\r') start++;
            if (start < data.Length && data[start] == '\n') start++;
            // A zlib header: deflate method, and the check bits that make the first two bytes a multiple of 31.
            if (start + 2 > data.Length || (data[start] & 0x0F) != 8 || ((data[start] << 8) | data[start + 1]) % 31 != 0) continue;
            try
            {
                using var inflate = new ZLibStream(new MemoryStream(data, start, data.Length - start, writable: false), CompressionMode.Decompress);
                var left = image ? max : budget;
                int read;
                while ((read = inflate.Read(buffer, 0, buffer.Length)) > 0)
                    if ((left -= read) < 0) return false;
                if (!image) budget = left;
            }
            catch (InvalidDataException)
            {
                // Not zlib after all, or cut short: the parser will judge it.
            }
        }
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/Subtype\s*/Image(?![A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex ImageSubtype();
}
