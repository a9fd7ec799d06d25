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
public sealed record UnitInClause(UnitMention Mention, bool Labelled, bool Coordinating, int Order);

/// <summary>
/// Reads the organisations of a clause once for both unit asks: which the clause names (tolerating OCR and
/// shredded table cells), which the question itself names (those are what it asks about, not its answer),
/// the unit heading the section, and each one's role.
/// </summary>
public sealed class UnitReading(UnitGazetteer units, RoleWords roles)
{
    private readonly ConditionalWeakTable<Clause, List<UnitMention>> _mentions = new();
    private readonly ConditionalWeakTable<QuestionFacts, HashSet<string>> _named = new();

    public UnitGazetteer Units => units;

    public List<UnitInClause> Read(Clause clause, QuestionFacts question)
    {
        var named = _named.GetValue(question, q => units.Find(q.Question).Select(m => m.Canonical).ToHashSet());
        var mentions = _mentions.GetValue(clause, c =>
        {
            var found = units.Find(c.Text);
            // OCR interleaves a row's cells, so a unit's name may come apart in it ("Phòng )/alj-hoa - Kỹ năng số … Xã hội").
            return c.IsRow && found.Count == 0 ? units.FindScattered(c.Text) : found;
        }).Where(m => !named.Contains(m.Canonical)).ToList();
        var co = roles.Find(clause, "co");
        var label = LabelEnd(clause.Text);
        return mentions.Select((m, i) => new UnitInClause(
            m,
            label > 0 && m.End <= label,
            co.Any(c => c.End <= m.Start && m.Start - c.End <= 30 && !clause.Text.AsSpan(c.End, m.Start - c.End).ContainsAny(".;:\n")),
            i)).ToList();
    }

    /// <summary>The organisation heading the clause's section ("1. Phòng Văn hóa - Xã hội"), unless the question names it.</summary>
    public UnitMention? FromHeading(Clause clause, QuestionFacts question)
    {
        var named = _named.GetValue(question, q => units.Find(q.Question).Select(m => m.Canonical).ToHashSet());
        return units.Find(clause.Heading).FirstOrDefault(m => !UnitGazetteer.IsGeneric(m.Canonical) && !named.Contains(m.Canonical));
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
