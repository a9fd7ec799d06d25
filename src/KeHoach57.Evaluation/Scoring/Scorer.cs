using KeHoach57.Evaluation.Items;

namespace KeHoach57.Evaluation.Scoring;

/// <summary>How one item fared.</summary>
/// <param name="Ok">Answered right (answerable items) or refused (unanswerable ones).</param>
/// <param name="FailureReason">score.py's reason: "missing", "should refuse", "answer"; null when ok.</param>
/// <param name="HitRank">1-based rank of the first citation holding the evidence; null when none does.</param>
public sealed record CaseVerdict(EvalCase Case, ResultLine? Result, bool Ok, string? FailureReason, bool TopDocOk, int? HitRank)
{
    public bool Missing => Result is null;
}

public sealed record Scorecard(Metrics Metrics, IReadOnlyList<CaseVerdict> Verdicts);

/// <summary>
/// score.py in C#: same figures, same denominators (missing results count in "items" only), same rounding.
/// A test runs score.py on a crafted fixture and compares every figure.
/// </summary>
public static class Scorer
{
    public const string NoDocument = "(không có)";

    public static Scorecard Score(IEnumerable<EvalCase> cases, IReadOnlyDictionary<string, ResultLine> results)
    {
        int items = 0, missing = 0, answerable = 0, unanswerable = 0, answerOk = 0, docOk = 0, hit1 = 0, hit3 = 0, hit5 = 0, refuseOk = 0;
        var latencies = new List<double>();
        var answerChars = new List<double>();
        var perType = new Tallies();
        var perTag = new Tallies();
        var perDoc = new Tallies();
        var failures = new List<Failure>();
        var verdicts = new List<CaseVerdict>();

        foreach (var c in cases)
        {
            items++;
            if (!results.TryGetValue(c.Id, out var r))
            {
                missing++;
                failures.Add(new Failure(c.Id, "missing"));
                verdicts.Add(new CaseVerdict(c, null, false, "missing", false, null));
                continue;
            }
            if (r.LatencyMs is { } latency) latencies.Add(latency);

            bool ok;
            var topDocOk = false;
            int? hitRank = null;
            if (!c.Answerable)
            {
                unanswerable++;
                ok = !(r.Answered ?? true);
                if (ok) refuseOk++;
            }
            else
            {
                answerable++;
                answerChars.Add(ScoreText.CodePointLength(r.Answer));
                ok = (r.Answered ?? false) && ScoreText.AnswerMatches(c.AnswerAny, r.Answer);
                if (ok) answerOk++;
                topDocOk = r.Citations.Count > 0 && r.Citations[0].Doc == c.Doc;
                if (topDocOk) docOk++;
                var first = r.Citations.ToList().FindIndex(cite => ScoreText.EvidenceHit(c.Evidence, cite.Quote + " " + cite.Passage));
                if (first >= 0) hitRank = first + 1;
                if (hitRank <= 1) hit1++;
                if (hitRank <= 3) hit3++;
                if (hitRank <= 5) hit5++;
            }
            var reason = ok ? null : c.Answerable ? "answer" : "should refuse";
            if (reason is not null) failures.Add(new Failure(c.Id, reason));
            verdicts.Add(new CaseVerdict(c, r, ok, reason, topDocOk, hitRank));
            perType.Add(c.Type, ok);
            perDoc.Add(c.Doc ?? NoDocument, ok);
            foreach (var tag in c.Tags) perTag.Add(tag, ok);
        }

        double Share(int count, int of) => PythonNumbers.Round((double)count / Math.Max(of, 1), 3);
        double? OneDecimal(double? value) => value is { } v ? PythonNumbers.Round(v, 1) : null;
        var metrics = new Metrics(
            items, missing,
            Share(answerOk, answerable), Share(docOk, answerable),
            Share(hit1, answerable), Share(hit3, answerable), Share(hit5, answerable),
            unanswerable > 0 ? Share(refuseOk, unanswerable) : null,
            OneDecimal(PythonNumbers.Median(latencies)),
            OneDecimal(PythonNumbers.P95(latencies)),
            PythonNumbers.Median(answerChars),
            perType.ToFractions(), perTag.ToFractions(), perDoc.ToFractions(),
            failures);
        return new Scorecard(ProtocolFigures.Add(metrics, verdicts), verdicts);
    }

    /// <summary>ok/total per key, printed "ok/total" and sorted by code point like Python's sorted().</summary>
    private sealed class Tallies
    {
        private readonly Dictionary<string, (int Ok, int Total)> _counts = new(StringComparer.Ordinal);

        public void Add(string key, bool ok)
        {
            var (o, t) = _counts.GetValueOrDefault(key);
            _counts[key] = (o + (ok ? 1 : 0), t + 1);
        }

        public SortedDictionary<string, string> ToFractions() =>
            new(_counts.ToDictionary(kv => kv.Key, kv => $"{kv.Value.Ok}/{kv.Value.Total}"), StringComparer.Ordinal);
    }
}
