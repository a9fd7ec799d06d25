using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>By when: a date, a month, a quarter or a year the clause sets ("trước ngày 10/6", "quý II/2025", "hết năm 2025").</summary>
public sealed class DeadlineAsk : IAskHandler
{
    public AskKind Kind => AskKind.Deadline;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var found = false;
        foreach (var d in clause.Dates)
        {
            if (d.Kind == ValueKind.Period || Echo.Of(question, d.Display)) continue;
            found = true;
            // "Trước ngày …" sets a deadline; a month, quarter or year may be one; a bare date less so; "hằng năm"
            // or "thường xuyên" say how often, and barely answer "by when".
            var strength = d.Display.StartsWith("trước") ? 1.2 : d.Kind == ValueKind.Deadline ? 1.0 : 0.8;
            if (d.Display is "thường xuyên" or "hằng năm" or "ngày ký") strength = 0.4;
            yield return new Candidate(Kind, d.Display, d.Start, d.End, strength);
        }
        if (found) yield break;
        // Headings date what they head: "2.5. Đến hết năm 2045" above a list of targets.
        if (HeadingValue.Of(clause, ValueSpans.Dates) is { } heading)
            yield return new Candidate(Kind, heading.Value.Display, -1, -1, 0.5) { FromHeading = heading.Heading };
    }
}
