using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant.Tests.Fake;

/// <summary>One stored point: its id, named dense (normalized, for Cosine) and sparse vectors, payload and shard.</summary>
public sealed class FakePoint
{
    public required PointId Id { get; init; }
    public required string Key { get; init; }
    public required int Shard { get; init; }
    public Dictionary<string, float[]> Dense { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, (uint[] Indices, float[] Values)> Sparse { get; } = new(StringComparer.Ordinal);
    public MapField<string, Value> Payload { get; } = [];
}

/// <summary>A collection as Qdrant keeps it: its creation settings, keyword payload indexes and points.</summary>
public sealed class FakeCollection(CreateCollection config)
{
    public CreateCollection Config { get; } = config;
    public string Name => Config.CollectionName;
    public int ShardNumber => Config.HasShardNumber && Config.ShardNumber > 0 ? (int)Config.ShardNumber : 1;
    public HashSet<string> PayloadIndexes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FakePoint> Points { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, VectorParams> DenseConfig =>
        Config.VectorsConfig?.ConfigCase switch
        {
            VectorsConfig.ConfigOneofCase.ParamsMap => Config.VectorsConfig.ParamsMap.Map,
            VectorsConfig.ConfigOneofCase.Params => new Dictionary<string, VectorParams> { [""] = Config.VectorsConfig.Params },
            _ => new Dictionary<string, VectorParams>(),
        };

    public IReadOnlyDictionary<string, SparseVectorParams> SparseConfig =>
        Config.SparseVectorsConfig?.Map ?? (IReadOnlyDictionary<string, SparseVectorParams>)new Dictionary<string, SparseVectorParams>();

    /// <summary>Upsert as Qdrant validates it: every named vector must exist in the schema with the right size.</summary>
    public void Upsert(PointStruct point)
    {
        var key = KeyOf(point.Id);
        var stored = new FakePoint { Id = Canonical(point.Id), Key = key, Shard = (int)(TermIds.Of(key) % (uint)ShardNumber) };
        var named = point.Vectors?.VectorsOptionsCase switch
        {
            Vectors.VectorsOptionsOneofCase.Vectors_ => point.Vectors.Vectors_.Vectors.ToDictionary(v => v.Key, v => v.Value),
            Vectors.VectorsOptionsOneofCase.Vector => new Dictionary<string, Vector> { [""] = point.Vectors.Vector },
            _ => [],
        };
        foreach (var (name, vector) in named)
        {
            if (SparseOf(vector) is { } sparse)
            {
                if (!SparseConfig.ContainsKey(name)) throw Rpc(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {name}");
                stored.Sparse[name] = ValidSparse(sparse.Indices, sparse.Values);
            }
            else if (DenseOf(vector) is { } dense)
            {
                if (!DenseConfig.TryGetValue(name, out var parameters))
                    throw Rpc(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {name}");
                if ((ulong)dense.Length != parameters.Size)
                    throw Rpc(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {parameters.Size}, got {dense.Length}");
                stored.Dense[name] = parameters.Distance == Distance.Cosine ? Normalized(dense) : dense;
            }
            else throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant does not model {vector.VectorCase} vectors");
        }
        stored.Payload.Add(point.Payload);
        Points[key] = stored;
    }

    public static (uint[] Indices, float[] Values)? SparseOf(Vector vector) => vector.VectorCase switch
    {
        Vector.VectorOneofCase.Sparse => (vector.Sparse.Indices.ToArray(), vector.Sparse.Values.ToArray()),
        // The deprecated layout older clients send: values in "data", indices beside them.
        Vector.VectorOneofCase.None when vector.Indices is not null && vector.Indices.Data.Count > 0 => (vector.Indices.Data.ToArray(), vector.Data.ToArray()),
        _ => null,
    };

    public static float[]? DenseOf(Vector vector) => vector.VectorCase switch
    {
        Vector.VectorOneofCase.Dense => vector.Dense.Data.ToArray(),
        Vector.VectorOneofCase.None when vector.Data.Count > 0 => vector.Data.ToArray(),
        _ => null,
    };

    public static (uint[] Indices, float[] Values) ValidSparse(uint[] indices, float[] values)
    {
        if (indices.Length != values.Length)
            throw Rpc(StatusCode.InvalidArgument, "Validation error in JSON body: [vector: indices and values must have the same length]");
        if (indices.Distinct().Count() != indices.Length)
            throw Rpc(StatusCode.InvalidArgument, "Validation error in JSON body: [vector: indices must be unique]");
        if (values.Any(v => !float.IsFinite(v))) throw Rpc(StatusCode.InvalidArgument, "Validation error: sparse vector values must be finite");
        return (indices, values);
    }

    public static float[] Normalized(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return length == 0 ? vector : vector.Select(v => v / length).ToArray();
    }

    public static string KeyOf(PointId id) => id.PointIdOptionsCase switch
    {
        PointId.PointIdOptionsOneofCase.Num => id.Num.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PointId.PointIdOptionsOneofCase.Uuid when Guid.TryParse(id.Uuid, out var uuid) => uuid.ToString(),
        _ => throw Rpc(StatusCode.InvalidArgument, $"Unable to parse UUID: {id.Uuid}"),
    };

    private static PointId Canonical(PointId id) =>
        id.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Num ? id.Clone() : new PointId { Uuid = KeyOf(id) };

    public static RpcException Rpc(StatusCode code, string detail) => new(new Status(code, detail));
}
