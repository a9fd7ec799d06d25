using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeHoach57.Retrieval.Qdrant.Api;

// Request and response shapes of the Qdrant REST API (docs/redoc/master/openapi.json in qdrant/qdrant),
// limited to the fields this backend sends or reads. Property names become snake_case through QdrantJson.

/// <summary>Every Qdrant answer: "status" is "ok" on success and {"error": "..."} on failure.</summary>
public sealed record QdrantResponse<T>(T? Result, JsonElement Status, double Time);

public sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, VectorParams>? Vectors,
    IReadOnlyDictionary<string, SparseVectorParams>? SparseVectors,
    int? ShardNumber = null,
    int? ReplicationFactor = null);

/// <param name="Distance">"Cosine", "Dot", "Euclid" or "Manhattan".</param>
public sealed record VectorParams(int Size, string Distance);

/// <param name="Modifier">"idf" makes Qdrant multiply query weights by its IDF at search time.</param>
public sealed record SparseVectorParams(string? Modifier);

/// <param name="FieldSchema">"keyword", "integer", "float", "bool", "text"…</param>
public sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);

public sealed record UpdateResult(long? OperationId, string Status);

public sealed record CollectionsResponse(IReadOnlyList<CollectionDescription> Collections);

public sealed record CollectionDescription(string Name);

public sealed record AliasesResponse(IReadOnlyList<AliasDescription> Aliases);

public sealed record AliasDescription(string AliasName, string CollectionName);

/// <summary>Applied by Qdrant as one atomic step, which is what makes the alias switch zero-downtime.</summary>
public sealed record ChangeAliasesRequest(IReadOnlyList<AliasAction> Actions);

public sealed record AliasAction(CreateAlias? CreateAlias = null, DeleteAlias? DeleteAlias = null)
{
    public static AliasAction Create(string aliasName, string collectionName) => new(CreateAlias: new CreateAlias(collectionName, aliasName));
    public static AliasAction Delete(string aliasName) => new(DeleteAlias: new DeleteAlias(aliasName));
}

public sealed record CreateAlias(string CollectionName, string AliasName);

public sealed record DeleteAlias(string AliasName);

/// <param name="Vector">Named vectors; an empty map is a point without vectors (allowed when all vectors are named).</param>
/// <param name="Payload">Any JSON object; serialized by its runtime type.</param>
public sealed record PointStruct(string Id, IReadOnlyDictionary<string, QdrantVector> Vector, object? Payload);

public sealed record UpsertPointsRequest(IReadOnlyList<PointStruct> Points);

/// <summary>The PointsSelector: either ids or a filter, never both.</summary>
public sealed record DeletePointsRequest(IReadOnlyList<string>? Points = null, Filter? Filter = null)
{
    public static DeletePointsRequest ByIds(IReadOnlyList<string> ids) => new(Points: ids);
    public static DeletePointsRequest ByFilter(Filter filter) => new(Filter: filter);
}

public sealed record ScrollRequest(Filter? Filter = null, int? Limit = null, JsonElement? Offset = null, bool WithPayload = true, bool WithVector = false);

public sealed record ScrollResult(IReadOnlyList<RecordPoint> Points, JsonElement? NextPageOffset);

/// <param name="Id">A UUID string or an unsigned integer, as the point was stored.</param>
public sealed record RecordPoint(JsonElement Id, JsonElement? Payload);

/// <summary>The universal Query API: one query, or prefetches fused by the top-level query.</summary>
public sealed record QueryRequest(
    QueryInput? Query,
    string? Using = null,
    IReadOnlyList<Prefetch>? Prefetch = null,
    Filter? Filter = null,
    int? Limit = null,
    bool WithPayload = true);

/// <summary>A sub-query whose candidates the outer query re-scores or fuses. The outer filter applies to it as well.</summary>
public sealed record Prefetch(QueryInput Query, string Using, int Limit, Filter? Filter = null);

public sealed record QueryResponse(IReadOnlyList<ScoredPoint> Points);

public sealed record ScoredPoint(JsonElement Id, long Version, double Score, JsonElement? Payload);

/// <summary>Boolean combination of conditions; a null clause is left out of the JSON.</summary>
public sealed record Filter(
    IReadOnlyList<Condition>? Must = null,
    IReadOnlyList<Condition>? Should = null,
    IReadOnlyList<Condition>? MustNot = null);

// No type discriminator: Qdrant tells conditions apart by their keys, so only serialization is supported.
[JsonDerivedType(typeof(FieldCondition))]
[JsonDerivedType(typeof(HasIdCondition))]
public abstract record Condition;

public sealed record FieldCondition(string Key, Match Match) : Condition;

public sealed record HasIdCondition(IReadOnlyList<string> HasId) : Condition;

[JsonDerivedType(typeof(MatchValue))]
[JsonDerivedType(typeof(MatchAny))]
public abstract record Match;

public sealed record MatchValue(string Value) : Match;

public sealed record MatchAny(IReadOnlyList<string> Any) : Match;
