using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// Who works with the lead: the organisations after "phối hợp với", or a task row's units after its first.
/// An enumeration is answered whole ("Công an tỉnh, Sở Khoa học và Công nghệ").
/// </summary>
public sealed class CoUnitsAsk(UnitReading reading) : IAskHandler
{
    public AskKind Kind => AskKind.CoUnits;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var all = reading.Read(clause, question);
        for (var i = 0; i < all.Count; i++)
        {
            var u = all[i];
            var strength = clause.IsRow ? (u.Order == 0 ? 0.3 : 1.0)
                : u.Issuing ? 0.2
                : u.Coordinating ? 1.2
                : u.Labelled ? 0.2
                : 0.6;
            if (UnitGazetteer.IsGeneric(u.Mention.Canonical)) strength = Math.Min(strength, 0.5);
            var fit = reading.AskedKindFit(question, u.Mention.Canonical);
            strength *= fit.Weight;
            var group = reading.Enumeration(clause, all, i).Where(g => (g.Order > 0 || !clause.IsRow) && g.Issuing == u.Issuing).ToList();
            if (group.Count == 0) group = [u];
            var display = string.Join(", ", group.Select(g => g.Mention.Canonical).Distinct());
            yield return new Candidate(Kind, display, group[0].Mention.Start, group[^1].Mention.End, strength) { IsText = group.Any(g => !g.Known), OffKind = fit.OffKind };
        }
    }
}
