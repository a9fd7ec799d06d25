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
        foreach (var d in clause.Dates)
        {
            if (d.Kind == ValueKind.Period || Echo.Of(question, d.Display)) continue;
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
