using KeHoach57.Evaluation.Running;

namespace KeHoach57.Evaluation.Tests.Running;

public class BaselinePipelineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void Cắt_thân_tài_liệu_thành_cửa_sổ_500_ký_tự_cố_định_bỏ_phần_front_matter()
    {
        var body = string.Concat(Enumerable.Range(0, 120).Select(i => $"câu {i:000}. ")); // 1080 characters
        var corpus = TestCorpus.Create(("yen-hoa", "---\nid: yen-hoa\ntitle: Kế hoạch\n---\n" + body));
        var windows = new BaselinePipeline(corpus).Windows;
        Assert.Equal([500, 500, 80], windows.Select(w => w.Text.Length));
        Assert.Equal(body, string.Concat(windows.Select(w => w.Text)));
        Assert.DoesNotContain("title:", windows[0].Text);
    }

    [Fact]
    public async Task Trả_lời_bằng_nguyên_văn_cửa_sổ_đứng_đầu_và_trích_tối_đa_5_cửa_sổ()
    {
        var pipeline = new BaselinePipeline(TestCorpus.Plans);
        var answer = await pipeline.AskAsync("phong kinh te chu tri", null, null, None);
        Assert.True(answer.Answered);
        Assert.Equal(pipeline.Windows.Single(w => w.Doc == "truong-giang").Text, answer.Line);
        Assert.InRange(answer.Citations.Count, 1, 5);
        Assert.Equal("truong-giang", answer.Citations[0].Doc);
    }

    [Fact]
    public async Task Không_gấp_dấu_nên_câu_có_dấu_không_gặp_văn_bản_không_dấu()
    {
        // The whole point of the baseline: without folding, "phòng" and "phong" are different words.
        var pipeline = new BaselinePipeline(TestCorpus.Create(("yen-hoa", "phong tai chinh chu tri")));
        Assert.False((await pipeline.AskAsync("Phòng Tài chính", null, null, None)).Answered);
        Assert.True((await pipeline.AskAsync("phong tai chinh", null, null, None)).Answered);
        Assert.Equal(["phòng", "kinh", "tế?"], BaselinePipeline.Tokenize("Phòng  Kinh\ttế?"));
    }

    [Fact]
    public async Task Giữ_phạm_vi_như_trợ_lý_và_báo_lỗi_với_mã_lạ()
    {
        var pipeline = new BaselinePipeline(TestCorpus.Plans);
        var scoped = await pipeline.AskAsync("bao cao truoc ngay", "yen-hoa", null, None);
        Assert.All(scoped.Citations, c => Assert.Equal("yen-hoa", c.Doc));
        var unknown = await pipeline.AskAsync("bao cao", "khong-co", null, None);
        Assert.False(unknown.Answered);
        Assert.NotNull(unknown.Error);
    }
}
