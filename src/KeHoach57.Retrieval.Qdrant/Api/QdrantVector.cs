using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeHoach57.Retrieval.Qdrant.Api;

/// <summary>
/// A named vector's value. Qdrant tells the kinds apart by JSON shape, not by a tag: a dense vector is
/// a bare array, a sparse one an {"indices", "values"} object.
/// </summary>
[JsonConverter(typeof(QdrantVectorConverter))]
public abstract record QdrantVector
{
    public static SparseVector Sparse(uint[] indices, float[] values) => new(indices, values);

    public static DenseVector Dense(float[] values) => new(values);
}

/// <param name="Indices">Unique dimension ids; Qdrant rejects repeats.</param>
public sealed record SparseVector(uint[] Indices, float[] Values) : QdrantVector
{
    public bool IsEmpty => Indices.Length == 0;
}

public sealed record DenseVector(float[] Values) : QdrantVector;

/// <summary>What a query or prefetch ranks by: nearest to a vector, or a fusion of its prefetches.</summary>
[JsonConverter(typeof(QueryInputConverter))]
public abstract record QueryInput
{
    public static QueryInput Nearest(QdrantVector vector) => new NearestInput(vector);

    /// <summary>Reciprocal rank fusion: mixes lexical and dense candidates by rank, so their score scales never meet.</summary>
    public static QueryInput Rrf { get; } = new FusionInput("rrf");
}

public sealed record NearestInput(QdrantVector Vector) : QueryInput;

public sealed record FusionInput(string Fusion) : QueryInput;

internal sealed class QdrantVectorConverter : JsonConverter<QdrantVector>
{
    public override QdrantVector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Array => new DenseVector(root.EnumerateArray().Select(e => e.GetSingle()).ToArray()),
            JsonValueKind.Object => new SparseVector(
                root.GetProperty("indices").EnumerateArray().Select(e => e.GetUInt32()).ToArray(),
                root.GetProperty("values").EnumerateArray().Select(e => e.GetSingle()).ToArray()),
            _ => throw new JsonException($"A Qdrant vector is an array or an {{indices, values}} object, not {root.ValueKind}."),
        };
    }

    public override void Write(Utf8JsonWriter writer, QdrantVector value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case DenseVector dense:
                WriteFloats(writer, dense.Values);
                break;
            case SparseVector sparse:
                writer.WriteStartObject();
                writer.WriteStartArray("indices");
                foreach (var index in sparse.Indices) writer.WriteNumberValue(index);
                writer.WriteEndArray();
                writer.WritePropertyName("values");
                WriteFloats(writer, sparse.Values);
                writer.WriteEndObject();
                break;
            default:
                throw new JsonException($"Unknown vector kind {value.GetType().Name}.");
        }
    }

    private static void WriteFloats(Utf8JsonWriter writer, float[] values)
    {
        writer.WriteStartArray();
        foreach (var v in values) writer.WriteNumberValue(v);
        writer.WriteEndArray();
    }
}

internal sealed class QueryInputConverter : JsonConverter<QueryInput>
{
    public override QueryInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Query inputs are only sent to Qdrant, never read back.");

    public override void Write(Utf8JsonWriter writer, QueryInput value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case NearestInput nearest:
                JsonSerializer.Serialize(writer, nearest.Vector, options);
                break;
            case FusionInput fusion:
                writer.WriteStartObject();
                writer.WriteString("fusion", fusion.Fusion);
                writer.WriteEndObject();
                break;
            default:
                throw new JsonException($"Unknown query kind {value.GetType().Name}.");
        }
    }
}
