using System.Text.Json;
using KeHoach57.Core.Documents;
using Qdrant.Client.Grpc;

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
    public const string DocKeyField = "doc_key";

    /// <summary>Payload fields with a keyword index: the scope filter's and the ones worth filtering by later.</summary>
    public static readonly IReadOnlyList<string> KeywordFields = ["doc_id", DocKeyField, "locality", "section"];

    public static ChunkPayload From(Chunk chunk, DocumentInfo? document, int position) => new(
        chunk.Id, chunk.DocId, DocKeyOf(chunk.DocId),
        document?.Title ?? "", document?.Locality ?? "", document?.Level ?? "",
        chunk.Section, chunk.Text, chunk.Context, chunk.Kind, chunk.Ordinal, position);

    public static string DocKeyOf(string docId) => docId.ToUpperInvariant();

    public Chunk ToChunk() => new(ChunkId, DocId, Section, Text, Kind, Context, Ordinal);

    public Dictionary<string, Value> ToPayload() => new()
    {
        ["chunk_id"] = ChunkId,
        ["doc_id"] = DocId,
        [DocKeyField] = DocKey,
        ["title"] = Title,
        ["locality"] = Locality,
        ["level"] = Level,
        ["section"] = Section,
        ["text"] = Text,
        ["context"] = Context,
        ["kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(Kind.ToString()),
        ["ordinal"] = (long)Ordinal,
        ["position"] = (long)Position,
    };

    /// <summary>Null when the point is not one of ours (no payload, or not a chunk's).</summary>
    public static ChunkPayload? Read(IReadOnlyDictionary<string, Value> payload)
    {
        string? T(string key) => PayloadFields.Text(payload, key);
        if (T("chunk_id") is not { } chunkId || T("doc_id") is not { } docId
            || PayloadFields.Integer(payload, "ordinal") is not { } ordinal || PayloadFields.Integer(payload, "position") is not { } position
            || !Enum.TryParse<ChunkKind>(T("kind")?.Replace("_", ""), ignoreCase: true, out var kind))
            return null;
        return new ChunkPayload(chunkId, docId, T(DocKeyField) ?? DocKeyOf(docId), T("title") ?? "", T("locality") ?? "", T("level") ?? "",
            T("section") ?? "", T("text") ?? "", T("context") ?? "", kind, (int)ordinal, (int)position);
    }
}
