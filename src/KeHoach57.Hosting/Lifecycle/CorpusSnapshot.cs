using System.Text.Json;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Hosting.Lifecycle;

/// <summary>
/// The last corpus that was indexed, kept beside the index (data/corpus-snapshot.json), so that a start with
/// an empty or unreadable corpus/ can still serve the index built before: the index alone has the chunks but
/// not the documents the answering components and document pages need. Written atomically; a damaged file is
/// simply not used.
/// </summary>
public sealed class CorpusSnapshot(string path, ILogger logger)
{
    public const string FileName = "corpus-snapshot.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string FilePath { get; } = path;

    public async Task SaveAsync(Corpus corpus, CancellationToken cancellationToken)
    {
        var stored = new Stored(corpus.Fingerprint, corpus.Documents);
        await AtomicFile.WriteAsync(FilePath, (stream, ct) => JsonSerializer.SerializeAsync(stream, stored, Json, ct), cancellationToken);
    }

    public async Task<string?> FingerprintAsync(CancellationToken cancellationToken) => (await ReadAsync(cancellationToken))?.Fingerprint;

    public async Task<Corpus?> LoadAsync(CancellationToken cancellationToken) =>
        await ReadAsync(cancellationToken) is { } stored ? new Corpus(stored.Documents, stored.Fingerprint) : null;

    private async Task<Stored?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath)) return null;
        try
        {
            await using var stream = File.OpenRead(FilePath);
            var stored = await JsonSerializer.DeserializeAsync<Stored>(stream, Json, cancellationToken);
            return stored is { Fingerprint.Length: > 0, Documents.Count: > 0 } && stored.Documents.All(d => d?.Info is not null && d.Chunks is not null)
                ? stored
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            logger.LogWarning(ex, "Corpus snapshot at {Path} could not be read; not using it", FilePath);
            return null;
        }
    }

    private sealed record Stored(string Fingerprint, IReadOnlyList<CorpusDocument> Documents);
}
