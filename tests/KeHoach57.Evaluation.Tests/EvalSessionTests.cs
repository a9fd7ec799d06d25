using System.Text;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;
using KeHoach57.Evaluation.Reports;
using KeHoach57.Evaluation.Running;
using KeHoach57.Evaluation.Tests.Reports;

namespace KeHoach57.Evaluation.Tests;

public class EvalSessionTests
{
    private const string Items = """
        {"id": "yh-1", "question": "Phòng nào chủ trì triển khai kế hoạch?", "question_plain": "Phong nao chu tri trien khai ke hoach?", "scope": "yen-hoa", "doc": "yen-hoa", "type": "department", "answer_any": [["Văn hóa - Xã hội"]], "evidence": "Phong Van hoa - Xa hoi chu tri trien khai ke hoach", "tags": ["paraphrase"]}
        {"id": "tg-1", "question": "Báo cáo năm gửi trước ngày nào?", "question_plain": "Bao cao nam gui truoc ngay nao?", "scope": null, "doc": "truong-giang", "type": "deadline", "answer_any": [["15/12"]], "evidence": "Bao cao nam gui truoc ngay 15/12"}
        {"id": "na-1", "question": "Ngân sách năm 2030 là bao nhiêu tỷ?", "question_plain": "Ngan sach nam 2030 la bao nhieu ty?", "scope": "yen-hoa", "doc": null, "type": "unanswerable", "answer_any": [], "evidence": ""}
        """;

    [Fact]
    public async Task Chạy_trợ_lý_và_baseline_cả_hai_biến_thể_rồi_so_sánh_và_kiểm_ngưỡng()
    {
        using var data = new TempFolder();
        await using var services = TestCorpus.Services(TestCorpus.Plans, data.Path);
        var set = TestSets.Parse(Items, "mini");
        var previous = SampleReports.Report(SampleReports.Run("question", SampleReports.Metrics(), ("yh-1", false), ("gone", true)));
        var gate = ThresholdGate.Parse("""{"sets": {"*": {"question": {"answer_accuracy": 1.01}}}}""", "t.json");
        var session = new EvalSession(services, _ => throw new InvalidOperationException("ablation was not asked for"));

        var outcome = await session.RunAsync([set], new EvalOptions([EvalVariant.Question, EvalVariant.QuestionPlain], Baseline: true, Compare: previous, CompareName: "old.json", Gate: gate), TestContext.Current.CancellationToken);

        Assert.Equal(["assistant · question", "assistant · question_plain", "baseline · question", "baseline · question_plain"], outcome.Report.Runs.Select(r => r.Label));
        Assert.All(outcome.Report.Runs, r => Assert.Equal(3, r.Items!.Count));
        Assert.All(outcome.Report.Runs, r => Assert.Equal(3, r.BySet["mini"].Items));
        Assert.All(outcome.Report.Runs.SelectMany(r => r.Items!), i => Assert.Equal(i.Id, i.Result!.Id));
        Assert.True(outcome.Validation.Valid, string.Join("\n", outcome.Validation.Errors));
        Assert.False(outcome.Gate!.Passed);
        Assert.Contains(outcome.Gate.Failures, f => f.StartsWith("mini · question: answer_accuracy"));
        Assert.Contains(outcome.Tables, t => t.Title == "So với old.json — assistant · question");
        Assert.Contains(outcome.Tables, t => t.Title == "Theo nhãn (đúng/tổng)" && t.Rows.Any(r => r[0] == "paraphrase"));
        Assert.Contains(outcome.Tables, t => t.Title == "Câu sai — assistant · question_plain");
        var markdown = ReportWriter.Markdown(outcome.Report, outcome.Tables, outcome.Sections);
        Assert.Contains("| chỉ số | assistant · question | assistant · question_plain | baseline · question | baseline · question_plain |", markdown);
        Assert.Contains("## ⚠ Ngưỡng: KHÔNG ĐẠT", markdown);
    }

    private const string HalvedItems = """
        {"id": "yh-1", "fact": "yh-1", "wording": "formal", "half": "check", "question": "Báo cáo 6 tháng gửi trước ngày nào?", "question_plain": "Bao cao 6 thang gui truoc ngay nao?", "scope": "yen-hoa", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "Bao cao 6 thang gui truoc ngay 10/6 ve UBND xa"}
        {"id": "yh-1-numbers", "fact": "yh-1", "wording": "numbers", "half": "check", "question": "Báo cáo sáu tháng gửi trước ngày nào?", "question_plain": "Bao cao sau thang gui truoc ngay nao?", "scope": "yen-hoa", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "Bao cao 6 thang gui truoc ngay 10/6 ve UBND xa"}
        {"id": "tg-1", "fact": "tg-1", "half": "tune", "question": "Báo cáo năm gửi trước ngày nào?", "question_plain": "Bao cao nam gui truoc ngay nao?", "scope": null, "doc": "truong-giang", "type": "deadline", "answer_any": [["15/12"]], "evidence": "Bao cao nam gui truoc ngay 15/12"}
        {"id": "na-1", "half": "check", "question": "Giá vàng hôm nay bao nhiêu một chỉ?", "question_plain": "Gia vang hom nay bao nhieu mot chi?", "scope": null, "doc": null, "type": "unanswerable", "na_kind": "off_domain"}
        """;

    [Fact]
    public async Task Chạy_nửa_check_chỉ_hỏi_các_câu_nửa_check_nhưng_vẫn_kiểm_mọi_câu()
    {
        using var data = new TempFolder();
        await using var services = TestCorpus.Services(TestCorpus.Plans, data.Path);
        var set = TestSets.Parse(HalvedItems, "mini");
        var session = new EvalSession(services, _ => throw new InvalidOperationException("ablation was not asked for"));

        var outcome = await session.RunAsync([set], new EvalOptions([EvalVariant.Question], Half: Halves.Check), TestContext.Current.CancellationToken);

        var run = Assert.Single(outcome.Report.Runs);
        Assert.Equal(["yh-1", "yh-1-numbers", "na-1"], run.Items!.Select(i => i.Id));
        Assert.Equal(Halves.Check, outcome.Report.Half);
        Assert.Equal((4, 3), (outcome.Report.Sets[0].Items, outcome.Report.Sets[0].Cases));
        Assert.Equal([Halves.Check], run.Halves!.Keys);
        Assert.Equal(run.Metrics.AnswerAccuracy, run.Halves[Halves.Check].Metrics.AnswerAccuracy);
        // tg-1 was not run, yet it is validated: it is a fact with one wording.
        Assert.Contains(outcome.Validation.Warnings, w => w.Id == "tg-1" && w.Message.Contains("mới có 1 cách hỏi"));
        Assert.Equal(["formal", "numbers"], run.Metrics.PerWording.Keys);
        Assert.Equal(1, run.Metrics.WordingGap["numbers"].Facts);
        Assert.Equal(["off_domain"], run.Metrics.PerNaKind.Keys);
        Assert.Contains(outcome.Tables, t => t.Title.StartsWith("Theo cách hỏi") && t.Rows.Any(r => r[0] == "numbers"));
        Assert.Contains(outcome.Tables, t => t.Title.StartsWith("Cách hỏi so với formal") && t.Rows.Any(r => r[0] == "numbers"));
        Assert.Contains(outcome.Tables, t => t.Title.StartsWith("Câu không trả lời được theo loại") && t.Rows.Any(r => r[0] == "off_domain"));
        Assert.Contains(outcome.Tables, t => t.Title == "Chỉ số" && t.Rows.Any(r => r[0] == "citations_max"));
    }

    [Fact]
    public async Task Ablation_thêm_một_hàng_cho_mỗi_cơ_chế_tắt_chỉ_có_chỉ_số_không_có_từng_câu()
    {
        using var data = new TempFolder();
        await using var services = TestCorpus.Services(TestCorpus.Plans, data.Path);
        var set = TestSets.Parse(Items, "mini");
        var session = new EvalSession(services, overrides => TestCorpus.Services(TestCorpus.Plans, overrides["Index:DataPath"]!, overrides));

        var outcome = await session.RunAsync([set], new EvalOptions([EvalVariant.Question], Ablation: true), TestContext.Current.CancellationToken);

        var ablation = outcome.Report.Runs.Where(r => r.System.StartsWith("ablation")).ToList();
        Assert.Equal(AblationRunner.Switches.Count + 1, ablation.Count);
        Assert.All(ablation, r => Assert.Null(r.Items));
        var table = Assert.Single(outcome.Tables, t => t.Title.StartsWith("Ablation"));
        Assert.Equal(["full", .. AblationRunner.Switches.Select(s => s + "=false")], table.Rows.Select(r => r[0]));
        Assert.Equal("0", table.Rows[0][2]); // the full row's change from itself
    }
}
