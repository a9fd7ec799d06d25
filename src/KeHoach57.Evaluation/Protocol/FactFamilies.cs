using KeHoach57.Evaluation.Items;

namespace KeHoach57.Evaluation.Protocol;

/// <summary>The wordings of one fact: the single items that share a "fact" id, in file order.</summary>
public sealed record FactFamily(string Fact, IReadOnlyList<EvalCase> Cases)
{
    public EvalCase First => Cases[0];

    public bool Answerable => First.Answerable;

    /// <summary>What `eval split` balances halves within: the answering document (or "none") and the question type.</summary>
    public string Stratum => $"{First.Doc ?? "none"} · {First.Type}";

    /// <summary>The half any wording already has; the others follow it.</summary>
    public string? Half => Cases.Select(c => c.Half).FirstOrDefault(h => h is not null);

    public IReadOnlyList<string> Wordings => Cases.Select(c => c.Wording ?? Protocol.Wordings.Formal).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>A problem with one wording of a fact, found without the corpus.</summary>
public sealed record FamilyFinding(EvalCase Case, string Message, bool IsError);

/// <summary>
/// Groups items into facts and checks that the wordings of a fact are one question: same document(s), scope,
/// type, answers, evidence and half. Used by the validator and, before it writes anything, by `eval split`.
/// </summary>
public static class FactFamilies
{
    /// <summary>Wordings an answerable fact should have: formal, chat and a synonym of the ask at least.</summary>
    public const int MinWordings = 3;

    /// <summary>Single items grouped by fact, in order of first appearance; dialogue turns are no fact's wording.</summary>
    public static IReadOnlyList<FactFamily> Group(IEnumerable<EvalCase> cases) =>
        cases.Where(c => c.DialogueId is null)
            .GroupBy(c => c.Fact, StringComparer.Ordinal)
            .Select(g => new FactFamily(g.Key, g.ToList()))
            .ToList();

    public static IEnumerable<FamilyFinding> Check(IEnumerable<EvalCase> cases)
    {
        foreach (var family in Group(cases))
        {
            foreach (var finding in Disagreements(family)) yield return finding;
            if (family.Answerable && family.Wordings.Count < MinWordings)
                yield return new(family.First, $"sự kiện \"{family.Fact}\" mới có {family.Wordings.Count} cách hỏi ({string.Join(", ", family.Wordings)}): cần ít nhất {MinWordings} (formal, chat, synonym…)", false);
            if (family.Cases.FirstOrDefault(c => c.Half is null) is { } unassigned)
                yield return new(unassigned, $"sự kiện \"{family.Fact}\" chưa được chia vào nửa tune/check: chạy `eval split`", false);
            foreach (var c in family.Cases.Where(c => !c.Answerable && c.NaKind is null))
                yield return new(c, $"câu không trả lời được chưa ghi \"na_kind\" ({string.Join(", ", NaKinds.All)})", false);
        }
    }

    /// <summary>
    /// Errors where a wording asks something else than the fact's first wording (doc, doc2, scope, type) or sits in
    /// another half; warnings where it expects other answers or other evidence (a wording may widen answer_any).
    /// </summary>
    public static IEnumerable<FamilyFinding> Disagreements(FactFamily family)
    {
        var first = family.First;
        foreach (var c in family.Cases.Skip(1))
        {
            foreach (var (field, expected, actual) in new[] { ("doc", first.Doc, c.Doc), ("doc2", first.Doc2, c.Doc2), ("scope", first.Scope, c.Scope), ("type", first.Type, c.Type) })
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                    yield return new(c, $"\"{field}\" là {Show(actual)} nhưng {first.Id} ({first.Source}) cùng sự kiện \"{family.Fact}\" ghi {Show(expected)}", true);
            if (!string.Equals(c.Evidence, first.Evidence, StringComparison.Ordinal))
                yield return new(c, $"evidence khác với {first.Id} cùng sự kiện \"{family.Fact}\"", false);
            if (!Widens(c.AnswerAny, first.AnswerAny))
                yield return new(c, $"answer_any không chứa đủ các phương án của {first.Id} cùng sự kiện \"{family.Fact}\"", false);
        }
        var placed = family.Cases.Where(c => c.Half is not null).ToList();
        foreach (var c in placed.Skip(1).Where(c => c.Half != placed[0].Half))
            yield return new(c, $"\"half\" là {c.Half} nhưng {placed[0].Id} ({placed[0].Source}) cùng sự kiện \"{family.Fact}\" ở nửa {placed[0].Half}", true);
    }

    /// <summary>Same groups in the same order, each holding at least the reference's alternatives.</summary>
    private static bool Widens(IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyList<IReadOnlyList<string>> reference) =>
        groups.Count == reference.Count
        && groups.Zip(reference).All(pair => pair.Second.All(alt => pair.First.Contains(alt, StringComparer.Ordinal)));

    private static string Show(string? value) => value is null ? "null" : $"\"{value}\"";
}
