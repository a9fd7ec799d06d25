using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>When something happened or was issued: a full date best ("ngày 22/12/2024"), a month or a year less so.</summary>
public sealed class DateAsk : IAskHandler
{
    public AskKind Kind => AskKind.Date;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        // "… số mấy, ban hành ngày nào?" asks about a document whose number it does not know: the documents it names
        // ("thực hiện NQ 57-NQ/TW") are not that one, and the dates their numbers carry are theirs.
        var othersDates = question.AsksFor(AskKind.DocumentRef)
            ? clause.DocumentNumbers.Where(n => Echo.Of(question, n.Display)).Select(clause.DateOf).OfType<ValueSpan>().ToList()
            : [];
        foreach (var d in clause.Dates)
        {
            if (d.Kind == ValueKind.Period || Echo.Of(question, d.Display) || othersDates.Contains(d)) continue;
            var strength = d.Display.Count(c => c == '/') switch
            {
                2 => 1.0,
                1 when d.Display.StartsWith("ngày") || d.Display.StartsWith("trước ngày") => 0.8,
                1 => 0.6,
                _ => d.Display.Contains("năm") ? 0.4 : 0.3,
            };
            yield return new Candidate(Kind, d.Display.Replace("trước ", ""), d.Start, d.End, strength);
        }
    }
}
