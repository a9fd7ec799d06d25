using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>An organisation named in a clause, and what the clause says it does.</summary>
/// <param name="Labelled">It heads the clause as its label ("Văn phòng Tỉnh ủy: Thực hiện vai trò …").</param>
/// <param name="Coordinating">It follows "phối hợp (với)": it works with the lead, it does not lead.</param>
/// <param name="Order">Its place among the organisations of the clause (a task table lists the lead first).</param>
/// <param name="Receiving">It follows "báo cáo", "gửi về", "tham mưu" …: a report or proposal goes to it.</param>
/// <param name="Leading">"chủ trì", "theo dõi" … follow it: it is said to be in charge.</param>
/// <param name="Known">Its name is the gazetteer's; otherwise it is a clause's label as written (shown read back into Vietnamese).</param>
/// <param name="Issuing">It issued a document the clause cites ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"): it is given no task.</param>
public sealed record UnitInClause(UnitMention Mention, bool Labelled, bool Coordinating, int Order, bool Receiving = false, bool Leading = false, bool Known = true,
    bool Issuing = false);

/// <summary>How a unit answers for the kind of organisation asked: its weight, and whether it is of another kind (never the answer).</summary>
public readonly record struct KindFit(double Weight, bool OffKind)
{
    /// <summary>The weight of a unit of another kind than the one asked.</summary>
    private const double OtherKindWeight = 0.6;

    public static readonly KindFit Asked = new(1, false);
    public static readonly KindFit Allowed = new(OtherKindWeight, false);
    public static readonly KindFit Other = new(OtherKindWeight, true);
}

/// <summary>
/// Reads the organisations of a clause once for both unit asks: which the clause names (tolerating OCR and
/// shredded table cells), which the question itself names (those are what it asks about, not its answer),
/// the unit heading the section, and each one's role.
/// </summary>
public sealed class UnitReading(UnitGazetteer units, RoleWords roles, VietnameseAnalyzer analyzer)
{
    private readonly ConditionalWeakTable<Clause, List<UnitMention>> _found = new();
    private readonly ConditionalWeakTable<Clause, List<UnitMention>> _mentions = new();
    private readonly ConditionalWeakTable<QuestionFacts, HashSet<string>> _named = new();
    private readonly ConditionalWeakTable<QuestionFacts, string> _spoken = new();
    private readonly ConcurrentDictionary<string, string?> _kinds = new(StringComparer.Ordinal);
    // The units each section heading names: headings are few and every question under them asks again.
    private readonly ConcurrentDictionary<string, List<UnitMention>> _headings = new(StringComparer.Ordinal);

    public UnitGazetteer Units => units;

    /// <summary>The gazetteer's units named in the clause's text, found once per clause. The list is shared: do not change it.</summary>
    // Looked up first: the factory closes over this reader, a delegate per call on a path taken per clause.
    public IReadOnlyList<UnitMention> Found(Clause clause) =>
        _found.TryGetValue(clause, out var found) ? found : _found.GetValue(clause, c => units.Find(c.Text));

    public List<UnitInClause> Read(Clause clause, QuestionFacts question)
    {
        var named = Named(question);
        var label = LabelEnd(clause.Text);
        // Looked up first: the factory closes over this reader, a delegate and a closure per call on a path taken per clause.
        var mentions = (_mentions.TryGetValue(clause, out var kept) ? kept : _mentions.GetValue(clause, c =>
        {
            var found = new List<UnitMention>(Found(c));
            // OCR interleaves a row's cells, so a unit's name may come apart in it ("Phòng )/alj-hoa - Kỹ năng số … Xã hội").
            if (c.IsRow && found.Count == 0) found = units.FindScattered(c.Text);
            // A label naming an organisation the gazetteer misses, or whose tail OCR damaged ("Uy ban Kim tra:").
            if (label > 0 && !found.Any(m => m.Start < label) && units.NameOfLabel(c.Text[..label]) is { } name)
                found.Insert(0, new UnitMention(0, label, name.Name, name.Known ? 0 : -1));
            return found;
        })).Where(m => !named.Contains(m.Canonical)).ToList();
        var co = roles.Find(clause, "co");
        var to = roles.Find(clause, "recipient");
        var lead = roles.Find(clause, "lead");
        var issuer = roles.Find(clause, "issuer");
        return mentions.Select((m, i) => new UnitInClause(
            m,
            label > 0 && m.End <= label,
            Before(clause, co, m, 30),
            i,
            Before(clause, to, m, 12),
            lead.Any(l => l.Start >= m.End && l.Start - m.End <= 15 && !clause.Text.AsSpan(m.End, l.Start - m.End).ContainsAny(".;\n")),
            m.Distance >= 0,
            Issuing(clause, issuer, m)))
            .ToList();
    }

    /// <summary>Characters allowed between a cited document's number or date and the "của" before its issuer.</summary>
    private const int IssuerReach = 25;

    private static bool Issuing(Clause clause, List<(int Start, int End)> issuer, UnitMention m) =>
        issuer.Any(w => w.End <= m.Start && m.Start - w.End <= 3 &&
            clause.DocumentNumbers.Concat(clause.Dates).Any(v => v.End <= w.Start && w.Start - v.End <= IssuerReach &&
                !clause.Text.AsSpan(v.End, w.Start - v.End).ContainsAny(".;:\n")));

    /// <summary>Whether one of the words stands right before the mention (within <paramref name="chars"/>, no sentence break between).</summary>
    private static bool Before(Clause clause, List<(int Start, int End)> words, UnitMention m, int chars) =>
        words.Any(c => c.End <= m.Start && m.Start - c.End <= chars && !clause.Text.AsSpan(c.End, m.Start - c.End).ContainsAny(".;:\n"));

    /// <summary>The organisations the question itself names (abbreviations spelled out): what it asks about, never its answer.</summary>
    private HashSet<string> Named(QuestionFacts question) => _named.TryGetValue(question, out var named) ? named : _named.GetValue(question, q =>
        units.Find(q.Question).Concat(units.Find(roles.SpellOut(q.Question))).Select(m => m.Canonical).ToHashSet());

    /// <summary>
    /// How an organisation answers for the kind the question asks ("phòng nào" → Phòng): fully when it is of that kind or
    /// the question asks for no kind; with less weight when the question also names its kind ("sở, phòng
    /// nào" for a Sở) or its kind is none listed; and off kind, never the answer, when it is of another kind the question
    /// does not name: "phòng nào theo dõi" is not answered by a Bộ.
    /// </summary>
    public KindFit AskedKindFit(QuestionFacts question, string canonical)
    {
        if (question.UnitHead is not { } head) return KindFit.Asked;
        // "cấp tỉnh nào" names a level, not a kind of organisation (unit-kinds.tsv): nothing to hold the answer to.
        if (KindOf(head) is not { } asked) return KindFit.Asked;
        var own = KindOf(canonical);
        if (own == asked) return KindFit.Asked;
        // A name of no listed kind (a label as written) is left to the weighing.
        if (own is null) return KindFit.Allowed;
        // "sở, phòng nào": a question that names the unit's kind too may be asking for it.
        var spoken = _spoken.GetValue(question, q => " " + string.Join(' ', analyzer.Tokenize(roles.SpellOut(q.Question), repair: false).Select(t => t.Term)) + " ");
        return spoken.Contains(" " + own + " ", StringComparison.Ordinal) ? KindFit.Allowed : KindFit.Other;
    }

    /// <summary>The kind a name starts with (unit-kinds.tsv), folded, worked out once per name: it is asked for every unit of every clause.</summary>
    private string? KindOf(string name) =>
        _kinds.GetOrAdd(name, static n => UnitGazetteer.KindAt(VietnameseText.Fold(n).Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The organisation heading the clause's section ("1. Phòng Văn hóa - Xã hội"), unless the question names it.</summary>
    public UnitMention? FromHeading(Clause clause, QuestionFacts question)
    {
        var named = Named(question);
        return _headings.GetOrAdd(clause.Heading, units.Find).FirstOrDefault(m => !UnitGazetteer.IsGeneric(m.Canonical) && !named.Contains(m.Canonical));
    }

    /// <summary>Where a label ending in ":" ends, when the clause opens with one (at most 80 characters).</summary>
    private static int LabelEnd(string text)
    {
        var colon = text.IndexOf(':');
        return colon is > 2 and <= 80 && text.AsSpan(0, colon).IndexOfAny(".;") < 0 ? colon : -1;
    }

    /// <summary>An enumeration of organisations around <paramref name="at"/>: "Công an tỉnh, Sở Khoa học và Công nghệ …".</summary>
    public List<UnitInClause> Enumeration(Clause clause, List<UnitInClause> all, int at)
    {
        int first = at, last = at;
        while (first > 0 && roles.Joins(clause.Text[all[first - 1].Mention.End..all[first].Mention.Start])) first--;
        while (last + 1 < all.Count && roles.Joins(clause.Text[all[last].Mention.End..all[last + 1].Mention.Start])) last++;
        return all.Skip(first).Take(last - first + 1).ToList();
    }
}
