using KeHoach57.Evaluation.Reports;
using static KeHoach57.Evaluation.Tests.Reports.SampleReports;

namespace KeHoach57.Evaluation.Tests.Reports;

public class ThresholdGateTests
{
    private const string Thresholds = """
        {
          "_why": "thresholds only go up",
          "sets": {
            "*": { "question": { "answer_accuracy": 0.5, "evidence_hit@5": 0.6, "refusal_accuracy": 0.8, "latency_ms_p95_max": 100 } },
            "hard": { "question": { "answer_accuracy": 0.2 } }
          }
        }
        """;

    private static readonly ThresholdGate Gate = ThresholdGate.Parse(Thresholds, "thresholds.json");

    [Fact]
    public void Đạt_khi_mọi_chỉ_số_bằng_hoặc_vượt_ngưỡng()
    {
        var result = Gate.Check(Report(Run("question", Metrics(answer: 0.5, hit5: 0.6, refusal: 0.8, p95: 100))));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
    }

    [Fact]
    public void Không_đạt_thì_nêu_tên_từng_chỉ_số_dưới_ngưỡng_và_ngưỡng_trần_bị_vượt()
    {
        var result = Gate.Check(Report(Run("question", Metrics(answer: 0.49, hit5: 0.7, refusal: 0.2, p95: 250))));
        Assert.False(result.Passed);
        Assert.Equal(
            ["dev · question: answer_accuracy = 0.49 < ngưỡng 0.5", "dev · question: refusal_accuracy = 0.2 < ngưỡng 0.8", "dev · question: latency_ms_p95 = 250 > ngưỡng 100"],
            result.Failures);
    }

    [Fact]
    public void Bộ_có_ngưỡng_riêng_dùng_ngưỡng_riêng_thay_cho_ngưỡng_chung()
    {
        var metrics = Metrics(answer: 0.3, hit5: 0.1, refusal: 0, p95: 999);
        var run = Run("assistant", "question", metrics, new Dictionary<string, KeHoach57.Evaluation.Scoring.Metrics> { ["hard"] = metrics });
        Assert.True(Gate.Check(Report(run)).Passed);
    }

    [Fact]
    public void Chỉ_số_không_áp_dụng_và_biến_thể_không_có_ngưỡng_chỉ_được_ghi_chú()
    {
        var result = Gate.Check(Report(Run("question", Metrics(answer: 0.9, hit5: 0.9, refusal: null, p95: 1)), Run("question_plain", Metrics(answer: 0))));
        Assert.True(result.Passed);
        Assert.Contains(result.Notes, n => n.Contains("refusal_accuracy không áp dụng"));
        Assert.Contains(result.Notes, n => n.Contains("question_plain: không có ngưỡng"));
    }

    [Fact]
    public void Chỉ_kiểm_trợ_lý_không_kiểm_baseline()
    {
        var baseline = Run("baseline", "question", Metrics(answer: 0), new Dictionary<string, KeHoach57.Evaluation.Scoring.Metrics> { ["dev"] = Metrics(answer: 0) });
        Assert.True(Gate.Check(Report(Run("question", Metrics(answer: 0.9, hit5: 0.9, p95: 1)), baseline)).Passed);
    }

    [Theory]
    [InlineData("""{"sets": {"*": {"question": {"answer_acuracy": 0.5}}}}""", "sets.*.question.answer_acuracy: không có chỉ số này")]
    [InlineData("""{"sets": {"*": {"plain": {"answer_accuracy": 0.5}}}}""", "sets.*.plain: biến thể phải là question hoặc question_plain")]
    [InlineData("""{"sets": {"*": {"question": {"answer_accuracy": "cao"}}}}""", "sets.*.question.answer_accuracy: phải là số")]
    [InlineData("""{"question": {}}""", "cần {\"sets\"")]
    public void Tệp_ngưỡng_sai_báo_lỗi_rõ_chỗ_sai(string json, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ThresholdGate.Parse(json, "t.json"));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Tệp_ngưỡng_của_repo_đọc_được()
    {
        var path = KeHoach57.Core.RepositoryPaths.Resolve(Path.Combine("eval", "thresholds.json"));
        Assert.True(File.Exists(path), $"thiếu {path}");
        ThresholdGate.Load(path);
    }
}
