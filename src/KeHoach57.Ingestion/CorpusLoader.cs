using System.Security.Cryptography;
using System.Text;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Ingestion.Chunking;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;
using KeHoach57.Ingestion.Markdown;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion;

/// <summary>
/// Reads corpus/*.md, and raw .txt plans dropped next to them (imported on the fly), into a <see cref="Corpus"/>.
/// A file that cannot be read (not UTF-8, binary, empty, too large, broken front matter, a dangling link, a
/// FIFO or device, no permission) is skipped with a warning: one bad drop must not take the other plans down
/// with it, and no read blocks or is unbounded. An unreadable folder gives an empty corpus, which the host
/// never lets replace an index that has documents.
/// </summary>
public sealed class CorpusLoader(IOptions<CorpusOptions> options, IOptions<ChunkingOptions> chunking, ILogger<CorpusLoader>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<CorpusLoader>.Instance;

    public string Folder => RepositoryPaths.Resolve(options.Value.Path);

    public Corpus Load()
    {
        var folder = Folder;
        var chunker = new Chunker(chunking.Value);
        var documents = new List<CorpusDocument>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Corpus folder {Folder} not found", folder);
            return new Corpus(documents, Convert.ToHexString(hash.GetHashAndReset()));
        }

        List<string> files;
        try
        {
            files = Directory.GetFiles(folder, "*.md").Concat(Directory.GetFiles(folder, "*.txt"))
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Corpus folder {Folder} cannot be listed: {Reason}", folder, e.Message);
            return new Corpus(documents, Convert.ToHexString(hash.GetHashAndReset()));
        }
        // Parsing and chunking every plan is most of a start on a large corpus: the last load's result is reused
        // when the files, the chunking options and this build are the same. It is read on another core while the files
        // are read and hashed here; the fingerprint then says whether it can be used.
        var cachePath = options.Value.CacheFolder is { Length: > 0 } cacheFolder ? Path.Combine(RepositoryPaths.Resolve(cacheFolder), CorpusCache.FileName) : null;
        using var stale = new CancellationTokenSource();
        var cachedKey = cachePath is null ? null : CorpusCache.KeyOf(cachePath);
        var cached = cachedKey is null ? null : Task.Run(() => CorpusCache.TryRead(cachePath!, stale.Token));
        var read = new List<(string Name, byte[] Bytes)>(files.Count);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (ReadBounded(file, name) is not { } bytes) continue;
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
            read.Add((name, bytes));
        }
        var fingerprint = Convert.ToHexString(hash.GetHashAndReset());

        var key = CorpusCache.Key(fingerprint, chunking.Value);
        if (cachedKey == key && Finished(cached) is { } hit && hit.Key == key)
        {
            foreach (var warning in hit.Warnings) logger.LogWarning("{Warning}", warning);
            var bytesByName = read.ToDictionary(f => f.Name, f => f.Bytes, StringComparer.Ordinal);
            foreach (var entry in hit.Entries)
            {
                var bytes = bytesByName[entry.File];
                documents.Add(entry.Markdown is { } markdown
                    ? new CorpusDocument(entry.Info, markdown, entry.Chunks)
                    : new CorpusDocument(entry.Info, () => Decode(bytes), entry.Chunks));
            }
            return new Corpus(documents, fingerprint);
        }
        // Made from other files: the read stops at its next plan, and is waited for so that it holds no handle on the
        // file the parse below replaces.
        stale.Cancel();
        Finished(cached);

        var warnings = new List<string>();
        var entries = new List<CorpusCache.Entry>();
        void Warn(string warning)
        {
            warnings.Add(warning);
            logger.LogWarning("{Warning}", warning);
        }
        var markdownStems = files.Where(IsMarkdown).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A plan's parse and chunks depend on its file alone: spread over the cores, then taken in file order, so the
        // documents, ids, warnings and cache are those of a load one file after the other.
        var parsed = new Parsed[read.Count];
        try
        {
            Parallel.For(0, read.Count, i => parsed[i] = Parse(read[i].Name, read[i].Bytes, markdownStems, chunker));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < read.Count; i++)
        {
            var name = read[i].Name;
            foreach (var warning in parsed[i].Warnings) Warn(warning);
            if (parsed[i].Document is not { } document || parsed[i].Markdown is not { } markdown) continue;
            if (!ids.Add(document.Info.Id))
            {
                Warn($"Skipping {name}: document id {document.Info.Id} is already taken");
                continue;
            }
            var chunks = parsed[i].Chunks;
            documents.Add(new CorpusDocument(document.Info, markdown, chunks));
            entries.Add(new CorpusCache.Entry(name, document.Info, IsMarkdown(name) ? null : markdown, chunks));
        }
        if (cachePath is not null)
        {
            try { CorpusCache.Write(cachePath, key, entries, warnings); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "The parsed corpus could not be kept at {Path}; the next start parses it again", cachePath);
            }
        }
        return new Corpus(documents, fingerprint);
    }

    /// <summary>What the cache read gave once it has ended; null when there was none, it found damage or was stopped.</summary>
    private static CorpusCache.Cached? Finished(Task<CorpusCache.Cached?>? reading)
    {
        if (reading is null) return null;
        try
        {
            return reading.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>One file read into a plan and cut into chunks, with what it warned of; no document when it is skipped.</summary>
    private sealed record Parsed(List<string> Warnings, PlanDocument? Document, string? Markdown, IReadOnlyList<Chunk> Chunks);

    private static Parsed Parse(string name, byte[] bytes, HashSet<string?> markdownStems, Chunker chunker)
    {
        var warnings = new List<string>();
        if (!IsMarkdown(name) && markdownStems.Contains(Path.GetFileNameWithoutExtension(name)))
        {
            warnings.Add($"Skipping {name}: {Path.ChangeExtension(name, ".md")} of the same name is the imported version");
            return new Parsed(warnings, null, null, []);
        }
        return Read(name, bytes, warnings.Add) is var (document, markdown)
            ? new Parsed(warnings, document, markdown, chunker.Chunk(document))
            : new Parsed(warnings, null, null, []);
    }

    /// <summary>
    /// The file's bytes, or null (with a warning) when it is not a regular file with content within the limit.
    /// FIFOs and devices report a size of 0 and are refused before opening, because opening a FIFO blocks until
    /// someone writes to it.
    /// </summary>
    private byte[]? ReadBounded(string file, string name)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is not null)
            {
                if (info.ResolveLinkTarget(returnFinalTarget: true) is not FileInfo { Exists: true } target)
                {
                    logger.LogWarning("Skipping {File}: a link to nothing (or to a folder)", name);
                    return null;
                }
                info = target;
            }
            if (!info.Exists || info.Length == 0)
            {
                logger.LogWarning("Skipping {File}: empty, or not a regular file", name);
                return null;
            }
            var max = Math.Max(1, options.Value.MaxFileBytes);
            if (info.Length > max)
            {
                logger.LogWarning("Skipping {File}: {Bytes} bytes, over the {Max}-byte limit for one plan", name, info.Length, max);
                return null;
            }
            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[info.Length + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0) length += read;
            if (length > info.Length)
            {
                logger.LogWarning("Skipping {File}: it grew while being read", name);
                return null;
            }
            return buffer.AsSpan(0, length).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Skipping {File}: cannot be read ({Reason})", name, e.Message);
            return null;
        }
    }

    private static string Decode(byte[] bytes) => PlanImporter.Utf8.GetString(bytes).TrimStart('\uFEFF');

    /// <returns>The document and its Markdown (as written, or as imported from a .txt); null when unreadable.</returns>
    private static (PlanDocument, string)? Read(string name, byte[] bytes, Action<string> warn)
    {
        string text;
        try
        {
            text = Decode(bytes);
        }
        catch (DecoderFallbackException)
        {
            warn($"Skipping {name}: not UTF-8 text");
            return null;
        }
        if (text.Contains('\0'))
        {
            warn($"Skipping {name}: binary content, not text");
            return null;
        }
        if (text.Trim().Length == 0)
        {
            warn($"Skipping {name}: empty");
            return null;
        }
        var id = PlanImporter.DocumentId(name);
        if (!IsMarkdown(name))
        {
            var imported = PlanImporter.Import(text, id, name);
            return (imported, PlanMarkdownWriter.Write(imported));
        }
        try
        {
            // A hand-edited or uploaded .md has not been through the importer's normalization: invisible marks
            // and compatibility forms inside words would keep its clauses from matching the questions about them.
            var document = PlanMarkdownReader.Read(Core.Text.VietnameseText.Normalize(text), id);
            if (document.Sections.Count > 0) return (document, text);
            warn($"Skipping {name}: no text after the front matter");
        }
        catch (FormatException e)
        {
            warn($"Skipping {name}: broken front matter ({e.Message})");
        }
        return null;
    }

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
