using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Qdrant.Tests.Support;

namespace KeHoach57.Retrieval.Qdrant.Tests;

/// <summary>
/// The vectors the backend's parity rests on: a chunk stores BM25 term weights, the query its weights, and
/// Qdrant's "idf" modifier supplies the rest (checked end to end in <see cref="Contract.IndexContractTests"/>).
/// </summary>
public sealed class LexicalScoringTests
{
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
    public void A_chunk_without_terms_gets_one_zero_weight_dimension_so_qdrant_counts_it_in_idf_as_the_embedded_index_does()
    {
        var vector = LexicalVectors.ForChunk([], averageLength: 3, k1: 1.2, b: 0.75);

        // Qdrant does not index an empty sparse vector (sparse_vector_index.rs: "do not index empty vectors").
        Assert.Equal([LexicalVectors.EmptyChunkId], vector.Indices);
        Assert.Equal([0f], vector.Values);
        Assert.True(LexicalVectors.ForQuery([new("", 1f)]).IsEmpty);
    }

    [Fact]
    public async Task A_build_with_an_empty_chunk_still_scores_like_the_embedded_index()
    {
        var build = await SampleCorpus.BuildAsync(cancellationToken: TestContext.Current.CancellationToken);
        build = build with { Chunks = [.. build.Chunks, new IndexedChunk(new Chunk("ha-noi/rong", "ha-noi", "", ""), [])] };
        await using var qdrant = await TestQdrant.StartAsync(TestQdrant.Fake);
        await qdrant.Index.ReplaceAsync(build, TestContext.Current.CancellationToken);
        using var embedded = await SampleCorpus.EmbeddedAsync(build, TestContext.Current.CancellationToken);

        var request = SampleCorpus.Request("Kinh phí thực hiện lấy từ đâu?");

        Rankings.AssertSame(await embedded.SearchAsync(request, TestContext.Current.CancellationToken),
            await qdrant.Index.SearchAsync(request, TestContext.Current.CancellationToken), tolerance: 1e-6);
    }

    [Fact]
    public void Query_vector_sums_a_repeated_term_and_drops_weights_qdrant_would_refuse()
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

    [Fact]
    public void The_scope_filter_matches_the_upper_invariant_doc_key_as_the_embedded_index_ignores_case()
    {
        var filter = QdrantSearchIndex.ScopeFilter(["yen-hoa", "Yen-Hoa", "CAU-GIAY"]);

        var condition = Assert.Single(filter!.Must).Field;
        Assert.Equal(ChunkPayload.DocKeyField, condition.Key);
        Assert.Equal(["YEN-HOA", "CAU-GIAY"], condition.Match.Keywords.Strings);
        Assert.Null(QdrantSearchIndex.ScopeFilter([]));
        Assert.Null(QdrantSearchIndex.ScopeFilter(null));
    }

    [Fact]
    public void Lexical_queries_name_the_sparse_vector_and_hybrid_ones_fuse_two_filtered_prefetches_by_rrf()
    {
        var sparse = LexicalVectors.ForQuery([new("báo_cáo", 1f)]);
        var filter = QdrantSearchIndex.ScopeFilter(["yen-hoa"]);

        var lexical = QdrantSearchIndex.QueryFor("kehoach57", sparse, null, filter, 10);
        var hybrid = QdrantSearchIndex.QueryFor("kehoach57", sparse, [0.1f, 0.2f], filter, 10);
        var denseOnly = QdrantSearchIndex.QueryFor("kehoach57", LexicalVectors.ForQuery([]), [0.1f, 0.2f], null, 10);

        Assert.Equal(IndexPlan.LexicalVector, lexical.Using);
        Assert.Equal(sparse.Indices, lexical.Query.Nearest.Sparse.Indices);
        Assert.Equal(global::Qdrant.Client.Grpc.Fusion.Rrf, hybrid.Query.Fusion);
        Assert.Equal([IndexPlan.LexicalVector, IndexPlan.DenseVector], hybrid.Prefetch.Select(p => p.Using));
        Assert.All(hybrid.Prefetch, p => Assert.Equal(filter, p.Filter));
        Assert.Equal(IndexPlan.DenseVector, denseOnly.Using);
    }
}
