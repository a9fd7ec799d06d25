using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Qdrant.Api;
using KeHoach57.Retrieval.Qdrant.Tests.Support;

namespace KeHoach57.Retrieval.Qdrant.Tests;

/// <summary>
/// The claim the backend rests on: Qdrant's sparse dot product with the "idf" modifier, over the vectors
/// built here, is the embedded index's BM25 score. Qdrant's scoring is reproduced below from its source
/// (lib/segment/src/data_types/query_context.rs: query weight × ln(1 + (N − df + 0.5)/(df + 0.5)), N =
/// points holding the sparse vector, df = their posting-list length; then a float32 dot product).
/// </summary>
public sealed class LexicalScoringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Chunk_vector_holds_the_bm25_term_weight_of_each_distinct_term_under_its_stable_id()
    {
        string[] terms = ["báo_cáo", "6", "tháng", "báo_cáo", "ngày"];

        var vector = LexicalVectors.ForChunk(terms, averageLength: 4, k1: 1.2, b: 0.75);

        Assert.Equal(vector.Indices.Order(), vector.Indices);
        Assert.Equal(4, vector.Indices.Distinct().Count());
        foreach (var group in terms.GroupBy(t => t))
        {
            var at = Array.IndexOf(vector.Indices, TermIds.Of(group.Key));
            Assert.Equal((float)Bm25.TermWeight(group.Count(), terms.Length, 4, 1.2, 0.75), vector.Values[at]);
        }
    }

    [Fact]
    public void A_chunk_without_terms_still_gets_an_empty_lexical_vector()
    {
        var vector = LexicalVectors.ForChunk([], averageLength: 3, k1: 1.2, b: 0.75);

        Assert.True(vector.IsEmpty);
        Assert.Empty(vector.Values);
    }

    [Fact]
    public void Query_vector_sums_a_repeated_term_and_drops_weights_json_cannot_carry()
    {
        var vector = LexicalVectors.ForQuery([new("năm", 1f), new("năm", 0.5f), new("x", float.NaN), new("y", float.PositiveInfinity), new("", 1f)]);

        Assert.Equal([TermIds.Of("năm")], vector.Indices);
        Assert.Equal([1.5f], vector.Values);
    }

    [Fact]
    public void Average_length_is_the_embedded_index_one_including_empty_chunks()
    {
        var chunk = new Chunk("d/a", "d", "", "");
        IndexedChunk[] chunks = [new(chunk, ["a", "b", "c"]), new(chunk, []), new(chunk, ["a"])];

        Assert.Equal(4.0 / 3, LexicalVectors.AverageLength(chunks));
        Assert.Equal(1, LexicalVectors.AverageLength([]));
    }

    public static TheoryData<string> Questions() => new(SampleCorpus.Questions);

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Qdrant_idf_dot_product_over_these_vectors_ranks_and_scores_like_the_embedded_index(string question)
    {
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        using var embedded = await SampleCorpus.EmbeddedAsync(build, Ct);
        var request = SampleCorpus.Request(question);

        var expected = await embedded.SearchAsync(request, Ct);
        var actual = QdrantModel.Search(build, request);

        Assert.True(expected.Count > 0 || question.Contains("không liên quan"), "the sample corpus should answer this question");
        Rankings.AssertSame(expected, actual, tolerance: 1e-5);
        Assert.Equal(expected.Select(h => h.Chunk.Id), actual.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Chunks_tied_on_score_come_in_build_order_as_in_the_embedded_index()
    {
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);

        var hits = QdrantModel.Search(build, SampleCorpus.Request("Kinh phí thực hiện lấy từ đâu?"));

        Assert.Equal(["yen-hoa/kinh-phi", "cau-giay/kinh-phi"], hits.Take(2).Select(h => h.Chunk.Id));
        Assert.Equal(hits[0].Score, hits[1].Score);
    }

    [Fact]
    public async Task A_scope_filter_narrows_the_hits_without_changing_their_scores_as_idf_stays_collection_wide()
    {
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        using var embedded = await SampleCorpus.EmbeddedAsync(build, Ct);
        var request = SampleCorpus.Request("Kinh phí thực hiện báo cáo", ["CAU-GIAY"]);

        var expected = await embedded.SearchAsync(request, Ct);
        var actual = QdrantModel.Search(build, request);

        Assert.NotEmpty(expected);
        Assert.All(actual, h => Assert.Equal("cau-giay", h.Chunk.DocId));
        Rankings.AssertSame(expected, actual, tolerance: 1e-5);
    }

    [Fact]
    public void The_scope_filter_matches_the_upper_invariant_doc_key_as_the_embedded_index_ignores_case()
    {
        var filter = QdrantSearchIndex.ScopeFilter(["yen-hoa", "Yen-Hoa", "CAU-GIAY"]);

        var condition = Assert.IsType<FieldCondition>(Assert.Single(filter!.Must!));
        Assert.Equal("doc_key", condition.Key);
        Assert.Equal(["YEN-HOA", "CAU-GIAY"], Assert.IsType<MatchAny>(condition.Match).Any);
        Assert.Null(QdrantSearchIndex.ScopeFilter([]));
        Assert.Null(QdrantSearchIndex.ScopeFilter(null));
    }

    /// <summary>Qdrant's sparse search with the idf modifier, over the points an <see cref="IndexPlan"/> would upsert.</summary>
    private static class QdrantModel
    {
        public static IReadOnlyList<SearchHit> Search(IndexBuild build, SearchRequest request)
        {
            var plan = IndexPlan.Create(build, Harness.Options(), new IndexOptions(), DateTimeOffset.UnixEpoch);
            var points = plan.Batches(1000).SelectMany(b => b)
                .Select(p => (Vector: (SparseVector)p.Vector[IndexPlan.LexicalVector], Payload: (ChunkPayload)p.Payload!))
                .ToList();
            var n = (float)points.Count;
            var df = points.SelectMany(p => p.Vector.Indices).CountBy(i => i).ToDictionary();
            var query = LexicalVectors.ForQuery(request.Terms);
            var weights = query.Indices.Select((index, k) =>
            {
                var d = (float)df.GetValueOrDefault(index);
                return (Index: index, Weight: query.Values[k] * MathF.Log((n - d + 0.5f) / (d + 0.5f) + 1f));
            }).ToList();
            var allowed = request.DocIds is { Count: > 0 } ids ? ids.Select(ChunkPayload.DocKeyOf).ToHashSet() : null;
            return points
                .Where(p => allowed is null || allowed.Contains(p.Payload.DocKey))
                .Select(p => (p.Payload, Score: Dot(weights, p.Vector), Matched: weights.Any(w => p.Vector.Indices.Contains(w.Index))))
                .Where(s => s.Matched)
                .OrderByDescending(s => s.Score).ThenBy(s => s.Payload.Position)
                .Take(request.Limit)
                .Select(s => new SearchHit(s.Payload.ToChunk(), s.Score))
                .ToList();
        }

        private static float Dot(List<(uint Index, float Weight)> query, SparseVector vector)
        {
            var score = 0f;
            foreach (var (index, weight) in query)
            {
                var at = Array.BinarySearch(vector.Indices, index);
                if (at >= 0) score += weight * vector.Values[at];
            }
            return score;
        }
    }
}
