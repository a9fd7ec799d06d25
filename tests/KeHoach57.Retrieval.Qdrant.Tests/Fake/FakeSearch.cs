using Grpc.Core;
using Qdrant.Client.Grpc;
using GrpcQuery = Qdrant.Client.Grpc.Query;
using static KeHoach57.Retrieval.Qdrant.Tests.Fake.FakeCollection;

namespace KeHoach57.Retrieval.Qdrant.Tests.Fake;

/// <summary>
/// The Query API as Qdrant computes it, for the query shapes this project sends:
/// <list type="bullet">
/// <item>sparse nearest with the "idf" modifier: query weight × ln(1 + (N − df + 0.5)/(df + 0.5)) in float32, N the
/// points of the shard whose vector is not empty, df those holding the dimension (lib/segment/src/data_types/
/// query_context.rs); a float32 dot product over the dimensions a point shares with the query; points sharing none
/// are not returned (lib/sparse/src/index/search_context.rs);</item>
/// <item>dense nearest by Cosine (vectors normalized on upsert, so a dot product);</item>
/// <item>prefetches fused by RRF, score Σ 1/(rank + k) with k = 2, rank from 0 (lib/segment/src/common/
/// reciprocal_rank_fusion.rs); the outer filter also applies inside prefetches;</item>
/// <item>filters: must / should / must_not over keyword matches (value or any) and has_id.</item>
/// </list>
/// With more than one shard each shard ranks with its own IDF statistics and the results are merged by score,
/// as in a Qdrant cluster (the shard of a point here is a hash of its id, not Qdrant's hash ring). Ties come out
/// by point id, which is not build order: the client has to restore that order itself, as with a real server.
/// </summary>
public static class FakeSearch
{
    private const int RrfK = 2;

    public static List<(FakePoint Point, float Score)> Query(FakeCollection collection, QdrantQuery query)
    {
        var limit = query.Limit;
        if (query.Prefetch.Count > 0)
        {
            if (query.Query?.VariantCase != GrpcQuery.VariantOneofCase.Fusion || query.Query.Fusion != Fusion.Rrf)
                throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant fuses prefetches by RRF only, not {query.Query?.VariantCase}");
            var lists = query.Prefetch.Select(p => Query(collection, new QdrantQuery(p.Query, p.Prefetch.ToList(), p.HasUsing ? p.Using : "",
                And(p.Filter, query.Filter), p.HasLimit ? (int)p.Limit : 10))).ToList();
            var fused = new Dictionary<string, (FakePoint Point, float Score)>(StringComparer.Ordinal);
            foreach (var list in lists)
                for (var rank = 0; rank < list.Count; rank++)
                {
                    var point = list[rank].Point;
                    var score = 1f / (rank + RrfK);
                    fused[point.Key] = fused.TryGetValue(point.Key, out var seen) ? (point, seen.Score + score) : (point, score);
                }
            return Top(fused.Values, limit);
        }
        if (query.Query?.VariantCase != GrpcQuery.VariantOneofCase.Nearest)
            throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant answers nearest queries and RRF fusion only, not {query.Query?.VariantCase}");
        var candidates = collection.Points.Values.Where(p => Matches(query.Filter, p)).ToList();
        var nearest = query.Query.Nearest;
        return nearest.VariantCase switch
        {
            VectorInput.VariantOneofCase.Sparse => Sparse(collection, query.Using, nearest.Sparse.Indices.ToArray(), nearest.Sparse.Values.ToArray(), candidates, limit),
            VectorInput.VariantOneofCase.Dense => Dense(collection, query.Using, nearest.Dense.Data.ToArray(), candidates, limit),
            _ => throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant does not model {nearest.VariantCase} queries"),
        };
    }

    private static List<(FakePoint, float)> Sparse(FakeCollection collection, string name, uint[] indices, float[] values,
        List<FakePoint> candidates, int limit)
    {
        if (!collection.SparseConfig.TryGetValue(name, out var parameters))
            throw Rpc(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {name}");
        ValidSparse(indices, values);
        var idf = parameters.HasModifier && parameters.Modifier == Modifier.Idf;
        var results = new List<(FakePoint, float)>();
        // Each shard scores with its own statistics, as each shard of a cluster collects IDF over its own segments.
        foreach (var shard in collection.Points.Values.GroupBy(p => p.Shard))
        {
            var holders = shard.Where(p => p.Sparse.TryGetValue(name, out var v) && v.Indices.Length > 0).ToList();
            var weights = values.ToArray();
            if (idf)
            {
                var n = (float)holders.Count;
                for (var i = 0; i < indices.Length; i++)
                {
                    var df = (float)holders.Count(p => p.Sparse[name].Indices.Contains(indices[i]));
                    weights[i] *= MathF.Log((n - df + 0.5f) / (df + 0.5f) + 1f);
                }
            }
            var scored = new List<(FakePoint, float)>();
            foreach (var point in candidates.Where(c => c.Shard == shard.Key))
            {
                if (!point.Sparse.TryGetValue(name, out var vector)) continue;
                var score = 0f;
                var overlap = false;
                for (var i = 0; i < indices.Length; i++)
                {
                    var at = Array.IndexOf(vector.Indices, indices[i]);
                    if (at < 0) continue;
                    overlap = true;
                    score += weights[i] * vector.Values[at];
                }
                if (overlap) scored.Add((point, score));
            }
            results.AddRange(Top(scored, limit));
        }
        return Top(results, limit);
    }

    private static List<(FakePoint, float)> Dense(FakeCollection collection, string name, float[] vector, List<FakePoint> candidates, int limit)
    {
        if (!collection.DenseConfig.TryGetValue(name, out var parameters))
            throw Rpc(StatusCode.InvalidArgument, $"Wrong input: Not existing vector name error: {name}");
        if ((ulong)vector.Length != parameters.Size)
            throw Rpc(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {parameters.Size}, got {vector.Length}");
        var query = parameters.Distance == Distance.Cosine ? Normalized(vector) : vector;
        var scored = candidates
            .Where(p => p.Dense.ContainsKey(name))
            .Select(p => (p, p.Dense[name].Zip(query, (a, b) => a * b).Sum()))
            .ToList();
        return Top(scored, limit);
    }

    private static List<(FakePoint Point, float Score)> Top(IEnumerable<(FakePoint Point, float Score)> scored, int limit) =>
        scored.OrderByDescending(s => s.Score).ThenBy(s => s.Point.Key, StringComparer.Ordinal).Take(limit).ToList();

    public static Filter? And(Filter? a, Filter? b) =>
        a is null ? b : b is null ? a : new Filter { Must = { new Condition { Filter = a }, new Condition { Filter = b } } };

    public static bool Matches(Filter? filter, FakePoint point)
    {
        if (filter is null) return true;
        if (filter.MinShould is not null) throw Rpc(StatusCode.Unimplemented, "the fake Qdrant does not model min_should");
        return filter.Must.All(c => Matches(c, point))
               && (filter.Should.Count == 0 || filter.Should.Any(c => Matches(c, point)))
               && !filter.MustNot.Any(c => Matches(c, point));
    }

    private static bool Matches(Condition condition, FakePoint point) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => KeyOf(id) == point.Key),
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, point),
        _ => throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant does not model {condition.ConditionOneOfCase} conditions"),
    };

    private static bool Matches(FieldCondition field, FakePoint point)
    {
        if (field.Match is null) throw Rpc(StatusCode.Unimplemented, "the fake Qdrant models keyword matches only");
        var values = point.Payload.TryGetValue(field.Key, out var value) ? Keywords(value) : [];
        return field.Match.MatchValueCase switch
        {
            Match.MatchValueOneofCase.Keyword => values.Contains(field.Match.Keyword),
            Match.MatchValueOneofCase.Keywords => values.Any(field.Match.Keywords.Strings.Contains),
            Match.MatchValueOneofCase.ExceptKeywords => !values.Any(field.Match.ExceptKeywords.Strings.Contains),
            _ => throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant does not model {field.Match.MatchValueCase} matches"),
        };
    }

    // A keyword condition matches a string field, or any string of an array field.
    private static string[] Keywords(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => [value.StringValue],
        Value.KindOneofCase.ListValue => value.ListValue.Values.Where(v => v.KindCase == Value.KindOneofCase.StringValue).Select(v => v.StringValue).ToArray(),
        _ => [],
    };
}

/// <summary>A query or one of its prefetches.</summary>
public sealed record QdrantQuery(GrpcQuery? Query, IReadOnlyList<PrefetchQuery> Prefetch, string Using, Filter? Filter, int Limit);
