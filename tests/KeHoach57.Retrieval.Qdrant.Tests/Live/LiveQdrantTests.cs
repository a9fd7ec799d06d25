using KeHoach57.Retrieval.Qdrant.Tests.Support;

namespace KeHoach57.Retrieval.Qdrant.Tests.Live;

/// <summary>
/// Against a running Qdrant (QDRANT_URL). Without one, every test here reports as skipped with the reason,
/// never as passed.
/// </summary>
public sealed class LiveQdrantTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Indexes_the_corpus_and_reports_its_status()
    {
        await using var live = LiveQdrant.Start();
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);

        await live.Index.ReplaceAsync(build, Ct);
        var status = await live.Index.GetStatusAsync(Ct);

        Assert.Equal(("sample-fp-1", 3, build.Chunks.Count), (status?.Fingerprint, status?.Documents, status?.Chunks));
        var hits = await live.Index.SearchAsync(SampleCorpus.Request("Hạn báo cáo 6 tháng là ngày nào?"), Ct);
        Assert.Equal("yen-hoa/bao-cao", hits[0].Chunk.Id);
        Assert.Equal(build.Chunks.Single(c => c.Chunk.Id == "yen-hoa/bao-cao").Chunk, hits[0].Chunk);
    }

    [Fact]
    public async Task Top_hits_equal_the_embedded_index_for_the_same_build_within_ties()
    {
        await using var live = LiveQdrant.Start();
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        await live.Index.ReplaceAsync(build, Ct);
        using var embedded = await SampleCorpus.EmbeddedAsync(build, Ct);
        foreach (var question in SampleCorpus.Questions)
            foreach (var scope in new string[]?[] { null, ["cau-giay"] })
            {
                var request = SampleCorpus.Request(question, scope, limit: 5);
                Rankings.AssertSame(await embedded.SearchAsync(request, Ct), await live.Index.SearchAsync(request, Ct));
            }
    }

    [Fact]
    public async Task A_scope_filter_keeps_hits_within_the_plan_whatever_the_case_of_its_id()
    {
        await using var live = LiveQdrant.Start();
        await live.Index.ReplaceAsync(await SampleCorpus.BuildAsync(cancellationToken: Ct), Ct);

        var hits = await live.Index.SearchAsync(SampleCorpus.Request("Kinh phí thực hiện báo cáo", ["Cau-Giay"]), Ct);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("cau-giay", h.Chunk.DocId));
    }

    [Fact]
    public async Task Reindexing_moves_the_alias_to_a_new_collection_drops_the_old_one_and_forgets_removed_chunks()
    {
        await using var live = LiveQdrant.Start();
        await live.Index.ReplaceAsync(await SampleCorpus.BuildAsync(cancellationToken: Ct), Ct);
        var first = Assert.Single(await live.BuildsAsync(Ct));

        var smaller = SampleCorpus.Corpus("sample-fp-2", keep: id => id != "cau-giay/nhiem-vu-1");
        await live.Index.ReplaceAsync(await SampleCorpus.BuildAsync(smaller, Ct), Ct);

        var second = Assert.Single(await live.BuildsAsync(Ct));
        Assert.NotEqual(first, second);
        Assert.Equal("sample-fp-2", (await live.Index.GetStatusAsync(Ct))?.Fingerprint);
        var hits = await live.Index.SearchAsync(SampleCorpus.Request("phủ sóng 5G"), Ct);
        Assert.DoesNotContain(hits, h => h.Chunk.Id == "cau-giay/nhiem-vu-1");
    }

    [Fact]
    public async Task Rebuilding_the_live_build_keeps_its_collection()
    {
        await using var live = LiveQdrant.Start();
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        await live.Index.ReplaceAsync(build, Ct);
        var before = await live.BuildsAsync(Ct);

        await live.Index.ReplaceAsync(build, Ct);

        Assert.Equal(before, await live.BuildsAsync(Ct));
    }

    [Fact]
    public async Task With_embeddings_a_query_fuses_lexical_and_dense_candidates()
    {
        await using var live = LiveQdrant.Start();
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        var embedded = build with
        {
            Chunks = build.Chunks.Select((c, i) => c with { Dense = new float[] { 1f, i, (i * 7) % 5, 0.5f } }).ToList(),
        };
        await live.Index.ReplaceAsync(embedded, Ct);

        var hits = await live.Index.SearchAsync(SampleCorpus.Request("Kinh phí thực hiện") with { Dense = new float[] { 1f, 2f, 4f, 0.5f } }, Ct);

        Assert.NotEmpty(hits);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Score), hits.Select(h => h.Score));
    }

    [Fact]
    public async Task Before_any_build_status_is_null_and_search_finds_nothing()
    {
        await using var live = LiveQdrant.Start();

        Assert.Null(await live.Index.GetStatusAsync(Ct));
        Assert.Empty(await live.Index.SearchAsync(SampleCorpus.Request("báo cáo"), Ct));
    }
}
