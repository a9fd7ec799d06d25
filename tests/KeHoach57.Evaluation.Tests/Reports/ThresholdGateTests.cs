using KeHoach57.Evaluation.Reports;
using static KeHoach57.Evaluation.Tests.Reports.SampleReports;
using Tally = KeHoach57.Evaluation.Scoring.Tally;
using WordingGap = KeHoach57.Evaluation.Scoring.WordingGap;

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

    private const string HalfThresholds = """
        {"sets": {
          "*": {"question": {"answer_accuracy": 0.9},
                "check": {"question": {"answer_accuracy": 0.5, "answer_accuracy[chat]": 0.5, "wording_gap[chat]": -0.1, "answerable_refused_max": 0.05, "citations_max_max": 3}}}
        }}
        """;

    /// <summary>A run whose whole set is good, with a check half whose protocol figures are given.</summary>
    private static RunReport WithCheckHalf(KeHoach57.Evaluation.Scoring.Metrics check) =>
        Run("question", Metrics(answer: 0.95)) with { Halves = new Dictionary<string, HalfReport> { ["check"] = new(check, new Dictionary<string, KeHoach57.Evaluation.Scoring.Metrics> { ["dev"] = check }) } };

    private static KeHoach57.Evaluation.Scoring.Metrics Protocol(int chatOk, int formalOk, double refused, int citations) => Metrics(answer: 0.6) with
    {
        PerWording = new Dictionary<string, Tally> { ["formal"] = new(formalOk, 10), ["chat"] = new(chatOk, 10) },
        WordingGap = new Dictionary<string, WordingGap> { ["chat"] = new(10, new(formalOk, 10), new(chatOk, 10)) },
        AnswerableRefused = refused,
        CitationsMax = citations,
    };

    [Fact]
    public void Ngưỡng_của_nửa_check_giữ_các_chỉ_số_của_nửa_check()
    {
        var gate = ThresholdGate.Parse(HalfThresholds, "t.json");

        Assert.True(gate.Check(Report(WithCheckHalf(Protocol(chatOk: 6, formalOk: 6, refused: 0.02, citations: 3)))).Passed);
        var result = gate.Check(Report(WithCheckHalf(Protocol(chatOk: 4, formalOk: 6, refused: 0.1, citations: 5))));

        Assert.Equal(
            ["dev · check · question: answer_accuracy[chat] = 0.4 < ngưỡng 0.5", "dev · check · question: wording_gap[chat] = -0.2 < ngưỡng -0.1",
             "dev · check · question: answerable_refused = 0.1 > ngưỡng 0.05", "dev · check · question: citations_max = 5 > ngưỡng 3"],
            result.Failures);
    }

    [Fact]
    public void Chạy_riêng_nửa_check_thì_ngưỡng_của_cả_bộ_chỉ_được_ghi_chú()
    {
        var gate = ThresholdGate.Parse(HalfThresholds, "t.json");
        var checkOnly = Protocol(chatOk: 6, formalOk: 6, refused: 0, citations: 3);
        var run = Run("assistant", "question", checkOnly, new Dictionary<string, KeHoach57.Evaluation.Scoring.Metrics> { ["dev"] = checkOnly })
            with { Halves = new Dictionary<string, HalfReport> { ["check"] = new(checkOnly, new Dictionary<string, KeHoach57.Evaluation.Scoring.Metrics> { ["dev"] = checkOnly }) } };

        // The whole-set floor of 0.9 would fail the check half's 0.6: it does not apply to a run of one half.
        var result = gate.Check(Report(run) with { Half = "check" });

        Assert.True(result.Passed, string.Join("\n", result.Failures));
        Assert.Contains(result.Notes, n => n.Contains("chỉ chạy nửa check"));
    }

    [Fact]
    public void Ngưỡng_nửa_check_mà_không_có_câu_nào_ở_nửa_check_thì_được_ghi_chú()
    {
        var result = ThresholdGate.Parse(HalfThresholds, "t.json").Check(Report(Run("question", Metrics(answer: 0.95))));
        Assert.True(result.Passed);
        Assert.Contains("dev · check · question: có ngưỡng nhưng không có câu nào ở nửa check (chạy `eval split`?)", result.Notes);
    }

    [Theory]
    [InlineData("""{"sets": {"*": {"check": {"question": {"answer_accuracy[casual]": 0.5}}}}}""", "sets.*.check.question.answer_accuracy[casual]: không có chỉ số này")]
    [InlineData("""{"sets": {"*": {"check": {"question": {"wording_gap[formal]": 0}}}}}""", "sets.*.check.question.wording_gap[formal]: không có chỉ số này")]
    [InlineData("""{"sets": {"*": {"check": {"plain": {"answer_accuracy": 0.5}}}}}""", "sets.*.check.plain: biến thể phải là question hoặc question_plain")]
    [InlineData("""{"sets": {"*": {"dev": {"question": {"answer_accuracy": 0.5}}}}}""", "sets.*.dev: biến thể phải là question hoặc question_plain (hoặc nửa tune/check")]
    public void Tên_chỉ_số_theo_khóa_hay_nửa_sai_báo_lỗi_rõ_chỗ_sai(string json, string expected)
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
