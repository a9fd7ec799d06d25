using KeHoach57.Retrieval.Qdrant.Tests.Support;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// What the Qdrant backend promises, checked against the in-process fake and, when QDRANT_URL is set, against a
/// live Qdrant (otherwise those cases are reported as skipped). Everything goes through the production
/// registration and Qdrant.Client; what is left on the server is read back with Qdrant.Client too.
/// </summary>
public sealed class IndexContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Servers => TestQdrant.Servers;

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Lập_chỉ_mục_rồi_trạng_thái_và_kết_quả_tìm_đọc_từ_bí_danh(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);

        await qdrant.Index.ReplaceAsync(build, Ct);
        var status = await qdrant.Index.GetStatusAsync(Ct);

        Assert.Equal((build.Fingerprint, 3, build.Chunks.Count), (status?.Fingerprint, status?.Documents, status?.Chunks));
        Assert.Equal(Assert.Single(await qdrant.BuildsAsync()), await qdrant.LiveCollectionAsync());
        var hits = await qdrant.Index.SearchAsync(SampleCorpus.Request("Hạn báo cáo 6 tháng là ngày nào?"), Ct);
        Assert.Equal(build.Chunks.Single(c => c.Chunk.Id == "yen-hoa/bao-cao").Chunk, hits[0].Chunk);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Điểm_và_thứ_hạng_bằng_chỉ_mục_nhúng_kể_cả_khi_lọc_phạm_vi_và_khi_bằng_điểm(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        await qdrant.Index.ReplaceAsync(build, Ct);
        using var embedded = await SampleCorpus.EmbeddedAsync(build, Ct);

        foreach (var question in SampleCorpus.Questions)
            foreach (var scope in new string[]?[] { null, ["cau-giay"], ["YEN-HOA", "ha-noi"] })
            {
                var request = SampleCorpus.Request(question, scope, limit: 5);
                var expected = await embedded.SearchAsync(request, Ct);
                var actual = await qdrant.Index.SearchAsync(request, Ct);
                Rankings.AssertSame(expected, actual);
                // Exact ties (two chunks with the same text) come out in build order, as in the embedded index.
                Assert.Equal(expected.Select(h => h.Chunk.Id), actual.Select(h => h.Chunk.Id));
            }
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Lọc_phạm_vi_không_phân_biệt_hoa_thường_và_chỉ_trả_đoạn_của_kế_hoạch_đó(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(cancellationToken: Ct), Ct);

        var hits = await qdrant.Index.SearchAsync(SampleCorpus.Request("Kinh phí thực hiện báo cáo", ["Cau-Giay"]), Ct);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("cau-giay", h.Chunk.DocId));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Lập_lại_chỉ_mục_chuyển_bí_danh_sang_bộ_mới_xóa_bộ_cũ_và_quên_đoạn_đã_bỏ(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(cancellationToken: Ct), Ct);
        var first = Assert.Single(await qdrant.BuildsAsync());

        var smaller = SampleCorpus.Corpus("sample-fp-2", keep: id => id != "cau-giay/nhiem-vu-1");
        await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(smaller, Ct), Ct);

        var second = Assert.Single(await qdrant.BuildsAsync());
        Assert.NotEqual(first, second);
        Assert.Equal(second, await qdrant.LiveCollectionAsync());
        Assert.StartsWith("sample-fp-2+", (await qdrant.Index.GetStatusAsync(Ct))?.Fingerprint);
        var hits = await qdrant.Index.SearchAsync(SampleCorpus.Request("phủ sóng 5G"), Ct);
        Assert.DoesNotContain(hits, h => h.Chunk.Id == "cau-giay/nhiem-vu-1");
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Lập_lại_đúng_bản_đang_phục_vụ_thì_giữ_nguyên_bộ_sưu_tập(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        await qdrant.Index.ReplaceAsync(build, Ct);
        var before = await qdrant.BuildsAsync();

        await qdrant.Index.ReplaceAsync(build, Ct);

        Assert.Equal(before, await qdrant.BuildsAsync());
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Có_vector_dày_thì_truy_vấn_gộp_từ_vựng_và_ngữ_nghĩa_bằng_RRF(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        var build = ContractCorpus.Build(dense: true);
        await qdrant.Index.ReplaceAsync(build, Ct);

        // "chuyển_đổi_số" is in the goal and the table row; the embedding is nearest the goal, then the table row,
        // and the report (no shared term) is found by the dense prefetch alone.
        var hits = await qdrant.Index.SearchAsync(new SearchRequest([new("chuyển_đổi_số", 1f)], Limit: 3, Dense: new float[] { 0.8f, 0.6f, 0f }), Ct);

        Assert.Equal([ContractCorpus.Goal, ContractCorpus.TableRow, ContractCorpus.Report], hits.Select(h => h.Chunk));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Score), hits.Select(h => h.Score));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Chưa_có_chỉ_mục_thì_trạng_thái_rỗng_và_tìm_hay_lấy_đều_không_thấy_gì(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);

        Assert.Null(await qdrant.Index.GetStatusAsync(Ct));
        Assert.Empty(await qdrant.Index.SearchAsync(SampleCorpus.Request("báo cáo"), Ct));
        Assert.Empty(await qdrant.Index.GetChunksAsync(["yen-hoa/bao-cao"], Ct));
        Assert.Equal(0, await qdrant.Index.DeleteChunksAsync(["yen-hoa/bao-cao"], Ct));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Lấy_đoạn_theo_mã_giữ_thứ_tự_hỏi_và_bỏ_qua_mã_không_có(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        await qdrant.Index.ReplaceAsync(build, Ct);

        var chunks = await qdrant.Index.GetChunksAsync(["ha-noi/phu-luc-1-dong-3", "không-có/đoạn", "yen-hoa/muc-tieu"], Ct);

        Assert.Equal(build.Chunks.Where(c => c.Chunk.Id is "ha-noi/phu-luc-1-dong-3").Concat(build.Chunks.Where(c => c.Chunk.Id is "yen-hoa/muc-tieu"))
            .Select(c => c.Chunk), chunks);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Xóa_đoạn_theo_mã_thì_không_còn_tìm_thấy_và_điểm_còn_lại_vẫn_bằng_chỉ_mục_nhúng(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        await qdrant.Index.ReplaceAsync(build, Ct);
        using var embedded = await SampleCorpus.EmbeddedAsync(build, Ct);
        string[] doomed = ["yen-hoa/kinh-phi", "không-có/đoạn", "yen-hoa/kinh-phi"];

        var removed = await qdrant.Index.DeleteChunksAsync(doomed, Ct);
        Assert.Equal(1, await embedded.Index.DeleteChunksAsync(doomed, Ct));

        Assert.Equal(1, removed);
        Assert.Equal(build.Chunks.Count - 1, (await qdrant.Index.GetStatusAsync(Ct))?.Chunks);
        Assert.Empty(await qdrant.Index.GetChunksAsync(["yen-hoa/kinh-phi"], Ct));
        foreach (var question in SampleCorpus.Questions)
        {
            var request = SampleCorpus.Request(question, limit: 5);
            var actual = await qdrant.Index.SearchAsync(request, Ct);
            Assert.DoesNotContain(actual, h => h.Chunk.Id == "yen-hoa/kinh-phi");
            Rankings.AssertSame(await embedded.SearchAsync(request, Ct), actual);
        }
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Một_bộ_sưu_tập_trùng_tên_bí_danh_thì_báo_rõ_cần_làm_gì(string server)
    {
        await using var qdrant = await TestQdrant.StartAsync(server);
        await qdrant.Client.CreateCollectionAsync(new global::Qdrant.Client.Grpc.CreateCollection { CollectionName = qdrant.Alias }, Ct);
        try
        {
            var error = await Assert.ThrowsAsync<QdrantCallException>(() => qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct));

            Assert.Contains($"collection named \"{qdrant.Alias}\"", error.Message);
            Assert.Contains("Qdrant:Collection", error.Message);
        }
        finally
        {
            await qdrant.Client.DeleteCollectionAsync(qdrant.Alias, cancellationToken: Ct);
        }
    }
}
