using KeHoach57.Core;
using KeHoach57.Core.Documents;

namespace KeHoach57.Ingestion;

/// <summary>
/// The corpus as last loaded — each plan's metadata, its chunks, and the Markdown of plans imported from .txt on the
/// fly — kept in one binary file under <see cref="CorpusOptions.CacheFolder"/> with the key it was loaded under: the
/// files' fingerprint, the chunking options, and this assembly's build (so a changed importer or chunker never reads an
/// old cut). A start whose key matches reads this instead of parsing and chunking every plan again. Written atomically;
/// a missing, damaged or other-key file is simply not used.
/// </summary>
internal static class CorpusCache
{
    public const string FileName = "corpus-cache.bin";
    private const string Magic = "KH57CORP";
    private const int Version = 1;

    /// <summary>What a load decided beyond the chunks: which file each plan came from, and the warnings it gave.</summary>
    public sealed record Entry(string File, DocumentInfo Info, string? Markdown, IReadOnlyList<Chunk> Chunks);

    public static string Key(string fingerprint, ChunkingOptions chunking) =>
        $"{fingerprint}|{chunking.StructureAware}|{chunking.MaxChars}|{chunking.MinChars}|{chunking.WindowChars}|{typeof(CorpusCache).Assembly.ManifestModule.ModuleVersionId}";

    /// <summary>The key the file at <paramref name="path"/> was written under (its first fields only); null when there is no readable one.</summary>
    public static string? KeyOf(string path)
    {
        try
        {
            using var reader = BinaryFile.Open(path, Magic, Version, bufferSize: 4096);
            return reader?.ReadString();
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A load read back: the key it was made under, its plans and its warnings.</summary>
    public sealed record Cached(string Key, List<Entry> Entries, List<string> Warnings);

    /// <summary>
    /// The file whatever its key (the caller compares it: the loader starts reading before it knows the fingerprint),
    /// or null when it is missing or damaged. Stops at the next plan once <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static Cached? TryRead(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            using var reader = BinaryFile.Open(path, Magic, Version);
            if (reader is null) return null;
            var key = reader.ReadString();
            var warnings = new List<string>();
            for (var n = reader.ReadInt32(); n > 0; n--) warnings.Add(reader.ReadString());
            var entries = new List<Entry>();
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var file = reader.ReadString();
                var info = DocumentBinary.ReadInfo(reader);
                var markdown = reader.ReadBoolean() ? reader.ReadString() : null;
                entries.Add(new Entry(file, info, markdown, DocumentBinary.ReadChunks(reader)));
            }
            return new Cached(key, entries, warnings);
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public static void Write(string path, string key, IReadOnlyList<Entry> entries, IReadOnlyList<string> warnings) =>
        BinaryFile.Write(path, Magic, Version, writer =>
        {
            writer.Write(key);
            writer.Write(warnings.Count);
            foreach (var warning in warnings) writer.Write(warning);
            writer.Write(entries.Count);
            foreach (var (file, info, markdown, chunks) in entries)
            {
                writer.Write(file);
                DocumentBinary.WriteInfo(writer, info);
                writer.Write(markdown is not null);
                if (markdown is not null) writer.Write(markdown);
                DocumentBinary.WriteChunks(writer, chunks);
            }
        });
}
