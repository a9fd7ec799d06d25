using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// Who is in charge: an organisation from the gazetteer, printed in its proper form. The clause's label
/// ("Phòng Kinh tế: Chủ trì …") or a task row's first unit leads; a unit after "phối hợp với" does not; a
/// collective ("các phòng, ban ngành") answers only when nothing specific does; the unit heading the
/// section answers for clauses listed under it.
/// </summary>
public sealed class LeadUnitAsk(UnitReading reading) : IAskHandler
{
    public AskKind Kind => AskKind.LeadUnit;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var all = reading.Read(clause, question);
        // A unit a report goes to ("… báo cáo Ban Thường vụ Tỉnh ủy") leads no work, as a coordinating one does not:
        // with only such units in the clause, the unit heading the section still leads it.
        var specific = all.Any(u => !UnitGazetteer.IsGeneric(u.Mention.Canonical) && !u.Coordinating && !u.Receiving);
        var results = new List<Candidate>();
        for (var i = 0; i < all.Count; i++)
        {
            var u = all[i];
            var strength = clause.IsRow ? (u.Order == 0 ? 1.2 : 0.6)
                : u.Labelled ? 1.3
                : u.Coordinating ? 0.3
                : u.Issuing ? 0.2
                // "… báo cáo UBND tỉnh": the one a report goes to does not lead the work.
                : u.Receiving ? 0.4
                : u.Leading ? 1.2
                : 1.0;
            if (UnitGazetteer.IsGeneric(u.Mention.Canonical)) strength = Math.Min(strength, 0.4);
            var fit = reading.AskedKindFit(question, u.Mention.Canonical);
            strength *= fit.Weight;
            var display = u.Mention.Canonical;
            var (start, end) = (u.Mention.Start, u.Mention.End);
            // Organisations listed together share the duty ("các sở, ban, ngành, UBND cấp huyện … xây dựng kế hoạch").
            var group = reading.Enumeration(clause, all, i).Where(g => g.Coordinating == u.Coordinating && g.Receiving == u.Receiving && g.Issuing == u.Issuing).ToList();
            if (group.Count > 1)
            {
                display = string.Join(", ", group.Select(g => g.Mention.Canonical).Distinct());
                (start, end) = (group[0].Mention.Start, group[^1].Mention.End);
            }
            // What a leading unit does follows it to the end of the clause ("Sở Tài chính chủ trì, phối hợp … bảo đảm
            // kinh phí …"); a coordinating one is described only by its own part.
            results.Add(new Candidate(Kind, display, start, end, strength) { About = u.Coordinating ? null : (start, clause.Text.Length), IsText = !u.Known, OffKind = fit.OffKind });
        }
        if (!specific && reading.FromHeading(clause, question) is { } heading && reading.AskedKindFit(question, heading.Canonical) is { OffKind: false } headingFit)
            results.Add(new Candidate(Kind, heading.Canonical, -1, -1, 0.8 * headingFit.Weight) { FromHeading = clause.Heading });
        return results;
    }
}
