using System.Text.Json.Nodes;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Tests.Scoring;

public class ScorerTests
{
    private static readonly string Items = Fixture.Path("score-items.jsonl");
    private static readonly string Results = Fixture.Path("score-results.jsonl");

    private static Scorecard ScoreFixture() =>
        Scorer.Score(EvalSetReader.Read(Items).Cases, ResultLine.ReadJsonl(Results));

    [Fact]
    public void Scorer_cho_từng_con_số_trùng_với_score_py_chạy_trực_tiếp_trên_fixture()
    {
        var expected = ReferenceScorer.Json(Items, Results);
        ReferenceScorer.AssertSameFigures(expected, ScoreFixture().Metrics);
    }

    [Fact]
    public void Danh_sách_lỗi_trùng_với_dòng_failures_của_score_py()
    {
        var expected = ReferenceScorer.Failures(Items, Results);
        Assert.Equal(expected, ScoreFixture().Metrics.Failures.Take(60).Select(f => (f.Id, f.Reason)).ToList());
    }

    [Fact]
    public void Scorer_cho_đúng_các_con_số_score_py_đã_in_cho_fixture_kể_cả_khi_không_có_python()
    {
        // score-expected.json is score.py's own --json output for the fixture, kept so this runs everywhere.
        var expected = JsonNode.Parse(File.ReadAllText(Fixture.Path("score-expected.json")))!.AsObject();
        var metrics = ScoreFixture().Metrics;
        ReferenceScorer.AssertSameFigures(expected, metrics);
        var failures = ReferenceScorer.ParseFailures(File.ReadAllText(Fixture.Path("score-expected-failures.txt")));
        Assert.Equal(failures, metrics.Failures.Select(f => (f.Id, f.Reason)).ToList());
    }

    [Fact]
    public void Fixture_thử_đủ_các_nhánh_mà_nó_hứa()
    {
        // Guards the fixture itself: if an edit drops a branch, the comparison above proves less than it says.
        var verdicts = ScoreFixture().Verdicts.ToDictionary(v => v.Case.Id);
        Assert.True(verdicts["bg-002"].Missing);
        Assert.True(verdicts["na-001"].Ok);
        Assert.Equal("should refuse", verdicts["na-002"].FailureReason);
        Assert.Equal("should refuse", verdicts["na-003"].FailureReason);
        Assert.False(verdicts["yh-002"].Ok);   // answer after the cap
        Assert.True(verdicts["yh-003"].Ok);    // answer ending exactly at the cap
        Assert.True(verdicts["bg-001"].Ok);    // inside 600 code points, past 600 UTF-16 units
        Assert.True(verdicts["tg-004"].Ok);    // U+001F is whitespace to Python
        Assert.False(verdicts["tg-005"].Ok);   // ¢ is not folded by score.py
        Assert.Equal(1, verdicts["hy-001"].HitRank);    // exactly 60%
        Assert.Null(verdicts["hy-002"].HitRank);        // 57%
        Assert.Equal(6, verdicts["hy-004"].HitRank);
    }
}
