using System.Globalization;
using Qdrant.Client.Grpc;

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
    public static readonly Guid PointId = Uuid5.Create("#index-status");

    public IndexStatus ToStatus() => new(Fingerprint, Documents, Chunks, BuiltAt);

    public PointStruct ToPoint()
    {
        var fields = new Dictionary<string, Value>
        {
            ["fingerprint"] = Fingerprint,
            ["documents"] = (long)Documents,
            ["chunks"] = (long)Chunks,
            ["built_at"] = BuiltAt.ToString("O", CultureInfo.InvariantCulture),
            ["build_key"] = BuildKey,
        };
        if (DenseSize is { } size) fields["dense_size"] = (long)size;
        // An empty set of named vectors: the point exists for its payload only.
        return new PointStruct { Id = PointId, Vectors = new Vectors { Vectors_ = new NamedVectors() }, Payload = { [Property] = fields } };
    }

    /// <summary>Null when the payload holds no readable status.</summary>
    public static IndexStatusPayload? Read(IReadOnlyDictionary<string, Value> payload)
    {
        if (PayloadFields.Struct(payload, Property) is not { } status) return null;
        if (PayloadFields.Text(status, "fingerprint") is not { } fingerprint
            || PayloadFields.Integer(status, "documents") is not { } documents
            || PayloadFields.Integer(status, "chunks") is not { } chunks
            || PayloadFields.Text(status, "build_key") is not { } buildKey
            || !DateTimeOffset.TryParse(PayloadFields.Text(status, "built_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var builtAt))
            return null;
        return new IndexStatusPayload(fingerprint, (int)documents, (int)chunks, builtAt, (int?)PayloadFields.Integer(status, "dense_size"), buildKey);
    }
}
