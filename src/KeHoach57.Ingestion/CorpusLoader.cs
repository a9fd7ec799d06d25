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
        var markdownStems = files.Where(IsMarkdown).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (ReadBounded(file, name) is not { } bytes) continue;
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
            if (!IsMarkdown(file) && markdownStems.Contains(Path.GetFileNameWithoutExtension(file)))
            {
                logger.LogWarning("Skipping {File}: {Markdown} of the same name is the imported version", name, Path.ChangeExtension(name, ".md"));
                continue;
            }
            if (Read(name, bytes) is not var (document, markdown)) continue;
            if (!ids.Add(document.Info.Id))
            {
                logger.LogWarning("Skipping {File}: document id {Id} is already taken", name, document.Info.Id);
                continue;
            }
            documents.Add(new CorpusDocument(document.Info, markdown, chunker.Chunk(document)));
        }
        return new Corpus(documents, Convert.ToHexString(hash.GetHashAndReset()));
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

    /// <returns>The document and its Markdown (as written, or as imported from a .txt); null when unreadable.</returns>
    private (PlanDocument, string)? Read(string name, byte[] bytes)
    {
        string text;
        try
        {
            text = PlanImporter.Utf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            logger.LogWarning("Skipping {File}: not UTF-8 text", name);
            return null;
        }
        if (text.Contains('\0'))
        {
            logger.LogWarning("Skipping {File}: binary content, not text", name);
            return null;
        }
        if (text.Trim().Length == 0)
        {
            logger.LogWarning("Skipping {File}: empty", name);
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
            logger.LogWarning("Skipping {File}: no text after the front matter", name);
        }
        catch (FormatException e)
        {
            logger.LogWarning("Skipping {File}: broken front matter ({Reason})", name, e.Message);
        }
        return null;
    }

    private static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
