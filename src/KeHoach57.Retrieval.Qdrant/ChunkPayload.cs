using System.Text.Json;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Qdrant.Api;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// What a chunk's point carries: every <see cref="Chunk"/> field (so a hit is rebuilt without the corpus),
/// its document's title, locality and level (for filters and display), and its position in the build.
/// </summary>
/// <param name="DocKey">Upper-invariant doc id: Qdrant's keyword match is exact, and the embedded index
/// scopes case-insensitively, so scope filters match on this field.</param>
/// <param name="Position">Index of the chunk in the build: the embedded index's tie-break order.</param>
public sealed record ChunkPayload(
    string ChunkId,
    string DocId,
    string DocKey,
    string Title,
    string Locality,
    string Level,
    string Section,
    string Text,
    string Context,
    ChunkKind Kind,
    int Ordinal,
    int Position)
{
    /// <summary>Payload fields with a keyword index: the scope filter's and the ones worth filtering by later.</summary>
    public static readonly IReadOnlyList<string> KeywordFields = ["doc_id", "doc_key", "locality"];

    public static ChunkPayload From(Chunk chunk, DocumentInfo? document, int position) => new(
        chunk.Id, chunk.DocId, DocKeyOf(chunk.DocId),
        document?.Title ?? "", document?.Locality ?? "", document?.Level ?? "",
        chunk.Section, chunk.Text, chunk.Context, chunk.Kind, chunk.Ordinal, position);

    public static string DocKeyOf(string docId) => docId.ToUpperInvariant();

    public Chunk ToChunk() => new(ChunkId, DocId, Section, Text, Kind, Context, Ordinal);

    /// <summary>Null when the point is not one of ours (no payload, or not a chunk's).</summary>
    public static ChunkPayload? Read(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty("chunk_id", out _)) return null;
        try
        {
            return element.Deserialize<ChunkPayload>(QdrantJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
