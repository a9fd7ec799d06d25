using System.Text.Json;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Hosting.Lifecycle;

/// <summary>
/// The last corpus that was indexed, kept beside the index (data/corpus-snapshot.bin), so that a start with
/// an empty or unreadable corpus/ can still serve the index built before: the index alone has the chunks but
/// not the documents the answering components and document pages need. Written atomically; a damaged file is
/// simply not used.
/// <para>Binary, with the fingerprint first: every start compares it with the corpus just loaded, and the JSON this
/// replaced had to be parsed whole for that (2.5 s at 100,000 chunks). A snapshot left in JSON by an earlier build is
/// still read when there is nothing else to serve, and replaced at the next successful load.</para>
/// </summary>
public sealed class CorpusSnapshot(string path, ILogger logger)
{
    public const string FileName = "corpus-snapshot.bin";
    private const string LegacyFileName = "corpus-snapshot.json";
    private const string Magic = "KH57SNAP";
    private const int Version = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string FilePath { get; } = path;

    private string LegacyPath => Path.Combine(Path.GetDirectoryName(FilePath) ?? "", LegacyFileName);

    public Task SaveAsync(Corpus corpus, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        BinaryFile.Write(FilePath, Magic, Version, writer =>
        {
            writer.Write(corpus.Fingerprint);
            writer.Write(corpus.Documents.Count);
            foreach (var document in corpus.Documents)
            {
                DocumentBinary.WriteInfo(writer, document.Info);
                writer.Write(document.Markdown);
                DocumentBinary.WriteChunks(writer, document.Chunks);
            }
        });
        if (File.Exists(LegacyPath)) File.Delete(LegacyPath);
        return Task.CompletedTask;
    }

    /// <summary>The fingerprint of the corpus kept, read from the file's head only; null when there is no readable snapshot.</summary>
    public Task<string?> FingerprintAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Read(documents: false)?.Fingerprint);

    public async Task<Corpus?> LoadAsync(CancellationToken cancellationToken)
    {
        if (Read(documents: true) is { } stored) return new Corpus(stored.Documents, stored.Fingerprint);
        return File.Exists(FilePath) ? null : await ReadLegacyAsync(cancellationToken);
    }

    private Stored? Read(bool documents)
    {
        try
        {
            using var reader = BinaryFile.Open(FilePath, Magic, Version, documents ? 1 << 16 : 4096);
            if (reader is null) return null;
            var fingerprint = reader.ReadString();
            if (fingerprint.Length == 0) return null;
            if (!documents) return new Stored(fingerprint, []);
            var list = new List<CorpusDocument>();
            for (var n = reader.ReadInt32(); n > 0; n--)
                list.Add(new CorpusDocument(DocumentBinary.ReadInfo(reader), reader.ReadString(), DocumentBinary.ReadChunks(reader)));
            return list.Count > 0 ? new Stored(fingerprint, list) : null;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            logger.LogWarning(ex, "Corpus snapshot at {Path} could not be read; not using it", FilePath);
            return null;
        }
    }

    private async Task<Corpus?> ReadLegacyAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(LegacyPath)) return null;
        try
        {
            await using var stream = File.OpenRead(LegacyPath);
            var stored = await JsonSerializer.DeserializeAsync<Stored>(stream, Json, cancellationToken);
            return stored is { Fingerprint.Length: > 0, Documents.Count: > 0 } && stored.Documents.All(d => d?.Info is not null && d.Chunks is not null)
                ? new Corpus(stored.Documents, stored.Fingerprint)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            logger.LogWarning(ex, "Corpus snapshot at {Path} could not be read; not using it", LegacyPath);
            return null;
        }
    }

    private sealed record Stored(string Fingerprint, IReadOnlyList<CorpusDocument> Documents);
}
