using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Core.Tests.Text.Restoration;

public class SyllableModelBuilderTests
{
    private static readonly VietnameseAnalyzer Analyzer = new();

    private static SyllableModel Model(int corpusWeight = 3) =>
        new SyllableModelBuilder(Analyzer, corpusWeight)
            .AddSyllables(["cấp", "xã", "xa"])
            .AddWords(["cấp xã", "xa xôi"])
            .AddCorpusTexts(["Ủy ban nhân dân cấp xã."])
            .Build();

    [Fact]
    public void Văn_bản_của_kho_đếm_theo_trọng_số_còn_từ_điển_đếm_một()
    {
        var model = Model(corpusWeight: 3);
        Assert.Equal(1 + 3, model.CountOf(model.Id("xã")));
        Assert.Equal(1, model.CountOf(model.Id("xa")));
        Assert.Equal(3, model.CountOf(model.Id("nhân")));
        Assert.True(model.Seen(model.Id("cấp"), model.Id("xã")));
        Assert.True(model.Seen(model.Id("xa"), model.Id("xôi")));
    }

    [Fact]
    public void Bỏ_phần_của_kho_thì_chỉ_còn_danh_sách_và_từ_điển()
    {
        var bare = Model().WithoutCorpus(Analyzer);
        // Only the corpus used these: a held-out measurement must not find them.
        Assert.Equal(-1, bare.Id("ủy"));
        Assert.Equal(-1, bare.Id("nhân"));
        // The word list and the dictionary stay, with their own counts and pairs.
        Assert.Equal(1, bare.CountOf(bare.Id("xã")));
        Assert.True(bare.Seen(bare.Id("cấp"), bare.Id("xã")));
        Assert.Contains("xa", bare.WordList);
    }

    [Fact]
    public void Tệp_dữ_liệu_ghi_rồi_đọc_lại_vẫn_tách_được_phần_của_kho()
    {
        var model = Model(corpusWeight: 5);
        using var stream = new MemoryStream();
        model.Save(stream, "test");
        stream.Position = 0;
        var loaded = SyllableModel.Load(stream);
        Assert.Equal(5, loaded.CorpusWeight);
        Assert.Equal(model.CountOf(model.Id("xã")), loaded.CountOf(loaded.Id("xã")));
        var bare = loaded.WithoutCorpus(Analyzer);
        Assert.Equal(-1, bare.Id("dân"));
        Assert.Equal(1, bare.CountOf(bare.Id("xã")));
    }

    [Fact]
    public void Ba_âm_tiết_liền_nhau_được_đếm_và_tách_được_phần_của_kho()
    {
        var model = new SyllableModelBuilder(Analyzer, corpusWeight: 3)
            .AddWords(["vật liệu mới"])
            .AddCorpusTexts(["Ủy ban nhân dân tỉnh."])
            .Build();
        Assert.True(model.Seen(model.Id("vật"), model.Id("liệu"), model.Id("mới")));
        Assert.True(model.Seen(model.Id("nhân"), model.Id("dân"), model.Id("tỉnh")));
        // The clause's start and end take part: "<s> ủy ban", "dân tỉnh </s>".
        Assert.True(model.Seen(model.SentenceStartId, model.Id("ủy"), model.Id("ban")));
        Assert.True(model.Seen(model.Id("dân"), model.Id("tỉnh"), model.SentenceEndId));

        using var stream = new MemoryStream();
        model.Save(stream, "test");
        stream.Position = 0;
        var loaded = SyllableModel.Load(stream);
        Assert.Equal(model.TrigramCount, loaded.TrigramCount);
        var bare = loaded.WithoutCorpus(Analyzer);
        Assert.True(bare.Seen(bare.Id("vật"), bare.Id("liệu"), bare.Id("mới")));
        Assert.Equal(1, bare.TrigramCount);
    }

    [Fact]
    public void Bộ_ba_đã_gặp_nâng_xác_suất_còn_bộ_ba_chưa_gặp_lùi_về_cặp()
    {
        var model = new SyllableModelBuilder(Analyzer)
            .AddCorpusTexts([.. Enumerable.Repeat("nhân dân tỉnh", 3), .. Enumerable.Repeat("người dân tính", 9)])
            .Build();
        int Id(string w) => model.Id(w);
        var pair = model.LogProbability(Id("dân"), Id("tỉnh"));
        Assert.True(model.LogProbability(Id("nhân"), Id("dân"), Id("tỉnh")) > pair);
        Assert.True(model.LogProbability(Id("người"), Id("dân"), Id("tỉnh")) < pair);
        // A context no triple starts with ("xã dân") is the pair model exactly.
        Assert.Equal(pair, model.LogProbability(-1, Id("dân"), Id("tỉnh")), 12);
    }

    [Fact]
    public void Tệp_dữ_liệu_cũ_hoặc_hỏng_báo_lỗi_rõ()
    {
        using var old = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(old, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip)) writer.Write("# kehoach57 syllable model v1\nw\txa\t1\tL\n");
        old.Position = 0;
        Assert.Throws<FormatException>(() => SyllableModel.Load(old));
    }
}
