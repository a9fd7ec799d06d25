using KeHoach57.Evaluation.Reports;
using static KeHoach57.Evaluation.Tests.Reports.SampleReports;

namespace KeHoach57.Evaluation.Tests.Reports;

public class ReportComparerTests
{
    [Fact]
    public void Chia_từng_câu_thành_sửa_được_hỏng_mới_vẫn_sai_vẫn_đúng_mới_thêm_đã_bỏ()
    {
        var old = Report(Run("question", Metrics(answer: 0.4), ("a", false), ("b", true), ("c", false), ("d", true), ("gone", true)));
        var now = Report(Run("question", Metrics(answer: 0.6), ("a", true), ("b", false), ("c", false), ("d", true), ("new", false)));

        var change = Assert.Single(ReportComparer.Compare(old, now));

        Assert.Equal(["a"], change.Fixed);
        Assert.Equal(["b"], change.Broken);
        Assert.Equal(["c"], change.StillFailing);
        Assert.Equal(1, change.StillPassing);
        Assert.Equal(["new"], change.Added);
        Assert.Equal(["gone"], change.Removed);
        var table = ReportComparer.ToTable(change, "old.json");
        Assert.Contains(table.Rows, r => r[0] == "answer_accuracy" && r[2] == "0.4 → 0.6 (+0.2)");
    }

    [Fact]
    public void So_đúng_biến_thể_với_biến_thể_và_bỏ_qua_hệ_thống_khác()
    {
        var old = Report(Run("question", Metrics(), ("a", true)), Run("question_plain", Metrics(), ("a", false)));
        var now = Report(
            Run("question_plain", Metrics(), ("a", true)),
            Run("baseline", "question", Metrics(), new Dictionary<string, KeHoach57.Evaluation.Scoring.Metrics>(), ("a", false)));

        var change = Assert.Single(ReportComparer.Compare(old, now));
        Assert.Equal("assistant · question_plain", change.Label);
        Assert.Equal(["a"], change.Fixed);
    }

    [Fact]
    public async Task Báo_cáo_ghi_ra_đọc_lại_được_để_so_sánh_lần_sau()
    {
        using var temp = new TempFolder();
        var report = Report(Run("question", Metrics(answer: 0.25, refusal: null), ("yh-001", true), ("na-001", false)));
        var path = temp.File("report.json");
        await ReportWriter.WriteJsonAsync(report, path, TestContext.Current.CancellationToken);

        var loaded = EvalReport.Load(path);

        var change = Assert.Single(ReportComparer.Compare(loaded, report));
        Assert.Equal(1, change.StillPassing);
        Assert.Equal(["na-001"], change.StillFailing);
        Assert.Equal(0.25, loaded.Runs[0].Metrics.AnswerAccuracy);
        Assert.Null(loaded.Runs[0].Metrics.RefusalAccuracy);
        Assert.Contains("\"evidence_hit@5\"", File.ReadAllText(path)); // score.py's key names
    }
}
