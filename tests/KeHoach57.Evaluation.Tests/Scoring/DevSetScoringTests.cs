using System.Text.Json;
using System.Text.Json.Nodes;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Tests.Scoring;

/// <summary>
/// Beyond the crafted fixture: random results over the real dev questions (real Vietnamese, real OCR
/// evidence), scored by score.py and by the Scorer. Needs shared/ beside the checkout.
/// </summary>
public class DevSetScoringTests
{
    [Fact]
    public void Scorer_trùng_score_py_trên_kết_quả_ngẫu_nhiên_cho_bộ_dev()
    {
        const int seed = 57; // fixed: a failure must reproduce
        var dev = SharedFolder.Find(Path.Combine("eval", "dev.jsonl"));
        if (dev is null) Assert.Skip("shared/eval/dev.jsonl không có cạnh thư mục repo");
        ReferenceScorer.ScriptOrSkip();
        var cases = EvalSetReader.Read(dev).Cases;
        using var temp = new TempFolder();
        var results = temp.File("results.jsonl");
        File.WriteAllLines(results, RandomResults(cases, new Random(seed)).Select(r => r.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));

        var expected = ReferenceScorer.Json(dev, results);
        var metrics = Scorer.Score(cases, ResultLine.ReadJsonl(results)).Metrics;

        ReferenceScorer.AssertSameFigures(expected, metrics);
        Assert.Equal(ReferenceScorer.Failures(dev, results), metrics.Failures.Take(60).Select(f => (f.Id, f.Reason)).ToList());
    }

    private static IEnumerable<JsonObject> RandomResults(IReadOnlyList<EvalCase> cases, Random random)
    {
        string Pick(params string[] options) => options[random.Next(options.Length)];
        foreach (var c in cases)
        {
            if (random.Next(10) == 0) continue; // missing
            var parts = c.AnswerAny.Where(_ => random.Next(6) > 0).Select(g => g[random.Next(g.Count)])
                .Select(a => random.Next(3) switch { 0 => a.ToUpperInvariant(), 1 => a.Replace(" - ", "\u2013"), _ => a });
            var answer = string.Join(Pick(", ", "\n", " và "), parts);
            if (random.Next(5) == 0) answer = new string('.', 560 + random.Next(60)) + answer; // around the cap
            var words = c.Evidence.Split(' ');
            var citations = new JsonArray();
            for (var i = random.Next(7); i > 0; i--)
            {
                var kept = words.Where(_ => random.NextDouble() < 0.45 + 0.3 * random.NextDouble());
                citations.Add(new JsonObject
                {
                    ["doc"] = random.Next(3) == 0 ? "yen-hoa" : c.Doc ?? "hung-yen",
                    ["quote"] = random.Next(2) == 0 ? "" : string.Join(' ', kept.Take(3)),
                    ["passage"] = string.Join(' ', kept),
                });
            }
            var line = new JsonObject { ["id"] = c.Id, ["answer"] = answer, ["citations"] = citations, ["latency_ms"] = Math.Round(random.NextDouble() * 50, 2) };
            if (random.Next(8) > 0) line["answered"] = random.Next(4) > 0;
            yield return line;
        }
    }
}
