using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Tests;

public class EmbeddedIndexTests() : DataFolderTests("kehoach57-index-tests")
{
    private readonly VietnameseAnalyzer _analyzer = new();

    private EmbeddedIndex Index() => new(Options.Create(new IndexOptions { DataPath = Data }), NullLogger<EmbeddedIndex>.Instance);

    private IndexBuild Build(string fingerprint, params (string Doc, string Text)[] chunks) => new(
        fingerprint,
        chunks.Select(c => c.Doc).Distinct().Select(d => new DocumentInfo(d, d)).ToList(),
        chunks.Select((c, i) => new IndexedChunk(new Chunk($"{c.Doc}/p{i}", c.Doc, "", c.Text, Ordinal: i), _analyzer.Terms(c.Text))).ToList());

    private SearchRequest Query(string text, params string[] docs) =>
        new(_analyzer.Terms(text).Distinct().Select(t => new WeightedTerm(t, 1)).ToList(), docs.Length == 0 ? null : docs);

    [Fact]
    public async Task Tìm_theo_BM25_và_lọc_theo_phạm_vi()
    {
        var index = Index();
        await index.ReplaceAsync(Build("v1", ("yen-hoa", "báo cáo 6 tháng trước ngày 10/6"), ("bac-giang", "báo cáo 6 tháng trước ngày 15/6"), ("bac-giang", "phủ sóng 5G")), TestContext.Current.CancellationToken);

        var all = await index.SearchAsync(Query("bao cao 6 thang"), TestContext.Current.CancellationToken);
        var scoped = await index.SearchAsync(Query("bao cao 6 thang", "yen-hoa"), TestContext.Current.CancellationToken);

        Assert.Equal(2, all.Count);
        Assert.Equal("yen-hoa", Assert.Single(scoped).Chunk.DocId);
    }

    [Fact]
    public async Task Chỉ_mục_ghi_xong_thì_lần_mở_sau_đọc_lại_được()
    {
        await Index().ReplaceAsync(Build("v1", ("yen-hoa", "Phòng Văn hóa - Xã hội chủ trì")), TestContext.Current.CancellationToken);

        var reopened = Index();
        Assert.Equal("v1", (await reopened.GetStatusAsync(TestContext.Current.CancellationToken))!.Fingerprint);
        Assert.Single(await reopened.SearchAsync(Query("van hoa xa hoi"), TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(Data, "*.tmp"));
    }

    [Fact]
    public async Task Tệp_chỉ_mục_hỏng_được_coi_là_chưa_có_để_lập_lại_không_làm_sập()
    {
        var index = Index();
        await index.ReplaceAsync(Build("v1", ("yen-hoa", "nội dung")), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(index.FilePath, "{ not json", TestContext.Current.CancellationToken);

        var reopened = Index();
        Assert.Null(await reopened.GetStatusAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await reopened.SearchAsync(Query("noi dung"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Lần_lập_mới_thay_trọn_lần_cũ()
    {
        var index = Index();
        await index.ReplaceAsync(Build("v1", ("yen-hoa", "chỉ tiêu cũ")), TestContext.Current.CancellationToken);
        await index.ReplaceAsync(Build("v2", ("yen-hoa", "chỉ tiêu mới")), TestContext.Current.CancellationToken);

        Assert.Equal("v2", (await index.GetStatusAsync(TestContext.Current.CancellationToken))!.Fingerprint);
        Assert.Empty(await index.SearchAsync(Query("cu"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Lấy_đoạn_theo_mã_giữ_thứ_tự_hỏi_và_bỏ_qua_mã_không_có()
    {
        var index = Index();
        await index.ReplaceAsync(Build("v1", ("yen-hoa", "báo cáo năm"), ("bac-giang", "phủ sóng 5G")), TestContext.Current.CancellationToken);

        var chunks = await index.GetChunksAsync(["bac-giang/p1", "khong-co/p9", "yen-hoa/p0"], TestContext.Current.CancellationToken);

        Assert.Equal(["bac-giang/p1", "yen-hoa/p0"], chunks.Select(c => c.Id));
        Assert.Equal("phủ sóng 5G", chunks[0].Text);
    }

    [Fact]
    public async Task Xóa_đoạn_theo_mã_thì_không_còn_tìm_thấy_kể_cả_sau_khi_mở_lại_và_đếm_lại_số_đoạn()
    {
        var index = Index();
        await index.ReplaceAsync(Build("v1", ("yen-hoa", "báo cáo 6 tháng"), ("bac-giang", "báo cáo năm"), ("bac-giang", "phủ sóng 5G")), TestContext.Current.CancellationToken);

        Assert.Equal(1, await index.DeleteChunksAsync(["yen-hoa/p0", "khong-co/p9"], TestContext.Current.CancellationToken));
        Assert.Equal(0, await index.DeleteChunksAsync(["yen-hoa/p0"], TestContext.Current.CancellationToken));

        var reopened = Index();
        Assert.Equal(("v1", 2), ((await reopened.GetStatusAsync(TestContext.Current.CancellationToken))!.Fingerprint, (await reopened.GetStatusAsync(TestContext.Current.CancellationToken))!.Chunks));
        Assert.Equal(["bac-giang/p1"], (await reopened.SearchAsync(Query("bao cao"), TestContext.Current.CancellationToken)).Select(h => h.Chunk.Id));
        Assert.Empty(await reopened.GetChunksAsync(["yen-hoa/p0"], TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(Data, "*.tmp"));
    }

    [Fact]
    public async Task Xóa_một_đoạn_thì_đoạn_còn_lại_giữ_trọng_số_của_lần_lập_chỉ_IDF_bớt_đoạn_đã_xóa()
    {
        var index = Index();
        await index.ReplaceAsync(Build("v1", ("yen-hoa", "báo cáo"), ("bac-giang", "báo cáo năm nay rất dài dòng"), ("bac-giang", "phủ sóng 5G")), TestContext.Current.CancellationToken);
        await index.DeleteChunksAsync(["bac-giang/p2"], TestContext.Current.CancellationToken);

        var after = Assert.Single(await index.SearchAsync(Query("báo cáo", "yen-hoa"), TestContext.Current.CancellationToken));

        // Same chunk in a build without the deleted one: same IDF (N = 2, df = 2), but a shorter average length.
        var other = new EmbeddedIndex(Options.Create(new IndexOptions { DataPath = Path.Combine(Data, "other") }), NullLogger<EmbeddedIndex>.Instance);
        await other.ReplaceAsync(Build("v2", ("yen-hoa", "báo cáo"), ("bac-giang", "báo cáo năm nay rất dài dòng")), TestContext.Current.CancellationToken);
        var fresh = Assert.Single(await other.SearchAsync(Query("báo cáo", "yen-hoa"), TestContext.Current.CancellationToken));
        var terms = _analyzer.Terms("báo cáo");
        var average = new[] { "báo cáo", "báo cáo năm nay rất dài dòng", "phủ sóng 5G" }.Average(t => _analyzer.Terms(t).Count);
        var expected = terms.Distinct().Sum(t => Bm25.Idf(2, 2) * (float)Bm25.TermWeight(terms.Count(x => x == t), terms.Count, average, 1.2, 0.75));
        Assert.Equal(expected, after.Score, 1e-9);
        Assert.NotEqual(fresh.Score, after.Score);
    }
}
