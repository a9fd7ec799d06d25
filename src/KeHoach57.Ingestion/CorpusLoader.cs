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
/// A file that cannot be read (not UTF-8, empty, broken front matter) is skipped with a warning: one bad
/// drop must not take the other plans down with it.
/// </summary>
public sealed class CorpusLoader(IOptions<CorpusOptions> options, IOptions<ChunkingOptions> chunking, ILogger<CorpusLoader>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<CorpusLoader>.Instance;

    public string Folder => RepositoryPaths.Resolve(options.Value.Path);

    public Corpus Load()
    {
        var folder = Folder;
        var documents = new List<CorpusDocument>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Corpus folder {Folder} not found", folder);
            return new Corpus(documents, Convert.ToHexString(hash.GetHashAndReset()));
        }

        var files = Directory.GetFiles(folder, "*.md").Concat(Directory.GetFiles(folder, "*.txt"))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f)))
            .ToList();
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
        }
        var fingerprint = Convert.ToHexString(hash.GetHashAndReset());

        // Parsing and chunking every plan is most of a start on a large corpus: the last load's result is reused
        // when the files, the chunking options and this build are the same.
        var cachePath = options.Value.CacheFolder is { Length: > 0 } cacheFolder ? Path.Combine(RepositoryPaths.Resolve(cacheFolder), CorpusCache.FileName) : null;
        var key = CorpusCache.Key(fingerprint, chunking.Value);
        if (cachePath is not null && CorpusCache.TryRead(cachePath, key) is var (cachedEntries, cachedWarnings))
        {
            foreach (var warning in cachedWarnings) logger.LogWarning("{Warning}", warning);
            var bytesByName = files.ToDictionary(f => f.Name, f => f.Bytes, StringComparer.Ordinal);
            foreach (var entry in cachedEntries)
                documents.Add(new CorpusDocument(entry.Info, entry.Markdown ?? Decode(bytesByName[entry.File]), entry.Chunks));
            return new Corpus(documents, fingerprint);
        }

        var chunker = new Chunker(chunking.Value);
        var warnings = new List<string>();
        var entries = new List<CorpusCache.Entry>();
        void Warn(string warning)
        {
            warnings.Add(warning);
            logger.LogWarning("{Warning}", warning);
        }
        var markdownStems = files.Select(f => f.Name).Where(IsMarkdown).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, bytes) in files)
        {
            if (!IsMarkdown(name) && markdownStems.Contains(Path.GetFileNameWithoutExtension(name)))
            {
                Warn($"Skipping {name}: {Path.ChangeExtension(name, ".md")} of the same name is the imported version");
                continue;
            }
            if (Read(name, bytes, Warn) is not var (document, markdown)) continue;
            if (!ids.Add(document.Info.Id))
            {
                Warn($"Skipping {name}: document id {document.Info.Id} is already taken");
                continue;
            }
            var chunks = chunker.Chunk(document);
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
            var document = PlanMarkdownReader.Read(text, id);
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
