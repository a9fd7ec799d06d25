using KeHoach57.Evaluation.Protocol;

namespace KeHoach57.Evaluation.Scoring;

/// <summary>
/// The generalization protocol's figures (eval/README.md), computed from the same verdicts as score.py's so the
/// two can never disagree on which item was right. Missing results are left out, as score.py leaves them out of
/// every figure but "items".
/// </summary>
internal static class ProtocolFigures
{
    /// <summary>Key of the unanswerable items written without "na_kind".</summary>
    public const string Unclassified = "(chưa ghi)";

    public static Metrics Add(Metrics metrics, IReadOnlyList<CaseVerdict> verdicts)
    {
        var judged = verdicts.Where(v => !v.Missing).ToList();
        var answerable = judged.Where(v => v.Case.Answerable).ToList();
        var singles = answerable.Where(v => v.Case.DialogueId is null).ToList();
        var citations = judged.Select(v => (double)v.Result!.Citations.Count).ToList();
        return metrics with
        {
            // score.py reads a missing "answered" of an answerable item as not answered.
            AnswerableRefused = answerable.Count == 0 ? null
                : PythonNumbers.Round((double)answerable.Count(v => !(v.Result!.Answered ?? false)) / answerable.Count, 3),
            CitationsMax = citations.Count == 0 ? null : citations.Max(),
            CitationsP50 = PythonNumbers.Median(citations),
            PerWording = Tallies(singles, v => v.Case.Wording ?? Wordings.Formal, Wordings.All),
            WordingGap = Gaps(singles),
            PerNaKind = Tallies(judged.Where(v => !v.Case.Answerable && v.Case.DialogueId is null), v => v.Case.NaKind ?? Unclassified, [.. NaKinds.All, Unclassified]),
        };
    }

    /// <summary>Each wording against formal, over the facts that have both (so a hard fact asked only one way does not tilt it).</summary>
    private static Dictionary<string, WordingGap> Gaps(IReadOnlyList<CaseVerdict> singles)
    {
        var byFact = singles.GroupBy(v => v.Case.Fact, StringComparer.Ordinal)
            .Select(g => g.ToLookup(v => v.Case.Wording ?? Wordings.Formal, StringComparer.Ordinal))
            .Where(w => w.Contains(Wordings.Formal))
            .ToList();
        var gaps = new Dictionary<string, WordingGap>(StringComparer.Ordinal);
        foreach (var wording in Wordings.All.Where(w => w != Wordings.Formal))
        {
            var both = byFact.Where(f => f.Contains(wording)).ToList();
            if (both.Count == 0) continue;
            gaps[wording] = new WordingGap(both.Count, Tally(both.SelectMany(f => f[Wordings.Formal])), Tally(both.SelectMany(f => f[wording])));
        }
        return gaps;
    }

    private static Dictionary<string, Tally> Tallies(IEnumerable<CaseVerdict> verdicts, Func<CaseVerdict, string> key, IReadOnlyList<string> order)
    {
        var groups = verdicts.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, Tally, StringComparer.Ordinal);
        // Known keys in the protocol's order, then any other.
        return order.Where(groups.ContainsKey).Concat(groups.Keys.Except(order, StringComparer.Ordinal))
            .ToDictionary(k => k, k => groups[k], StringComparer.Ordinal);
    }

    private static Tally Tally(IEnumerable<CaseVerdict> verdicts)
    {
        var list = verdicts.ToList();
        return new Tally(list.Count(v => v.Ok), list.Count);
    }
}
