using System.Text.Json;
using KeHoach57.Retrieval.Qdrant.Api;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// The payload of one vector-less point per collection, written last: its presence says the collection was
/// filled completely, and it is where <see cref="ISearchIndex.GetStatusAsync"/> reads what was indexed.
/// Having no "lexical" vector, it counts neither in Qdrant's IDF statistics nor in any search.
/// </summary>
/// <param name="DenseSize">Dimension of the "dense" vector, or null when the build had no embeddings.</param>
/// <param name="BuildKey">Hash of everything that went into the collection; also its name's suffix.</param>
public sealed record IndexStatusPayload(
    string Fingerprint,
    int Documents,
    int Chunks,
    DateTimeOffset BuiltAt,
    int? DenseSize,
    string BuildKey)
{
    private const string Property = "index_status";

    /// <summary>Its own name space within the point ids: chunk ids always contain a '/', this name never does.</summary>
    public static readonly string PointId = Uuid5.Create("#index-status").ToString();

    public IndexStatus ToStatus() => new(Fingerprint, Documents, Chunks, BuiltAt);

    public PointStruct ToPoint() => new(PointId, new Dictionary<string, QdrantVector>(), new Dictionary<string, object> { [Property] = this });

    public static IndexStatusPayload? Read(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty(Property, out var status)) return null;
        try
        {
            return status.Deserialize<IndexStatusPayload>(QdrantJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
