using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>By when: a date, a month, a quarter or a year the clause sets ("trước ngày 10/6", "quý II/2025", "hết năm 2025").</summary>
public sealed class DeadlineAsk : IAskHandler
{
    public AskKind Kind => AskKind.Deadline;

    // The period a question asks about, read once per question rather than once per clause.
    private readonly ConditionalWeakTable<QuestionFacts, StrongBox<Period>> _asked = new();

    // The date the headings above a clause set depends on its section only: read once per section.
    private readonly ConcurrentDictionary<string, (ValueSpan Value, string Heading)?> _headings = new(StringComparer.Ordinal);

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var found = false;
        var asked = _asked.GetValue(question, q => new(Periods.Of(VietnameseText.Fold(q.Text)))).Value;
        var previousEnd = 0;
        // "hằng năm (trước ngày 25/11)": the recurrence word labels the date after it. Where a clause sets a date,
        // the word is no answer to "by when", and as a value it would also cut the date off from its label.
        var dated = clause.Dates.Any(d => d.Kind != ValueKind.Period && !Recurrence(d.Display) && !Echo.Of(question, d.Display));
        foreach (var d in clause.Dates)
        {
            if (d.Kind == ValueKind.Period || Echo.Of(question, d.Display) || dated && Recurrence(d.Display)) continue;
            found = true;
            // "Báo cáo quý … trước ngày 10 tháng cuối quý, báo cáo 6 tháng trước ngày 10/6": each date belongs to the
            // report named just before it (or in it: "ngày 20 hằng tháng"), however long the report's name, in the same
            // part of the clause ("định kỳ 6 tháng báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/6").
            var from = Math.Max(previousEnd, clause.Text.LastIndexOf(';', Math.Max(0, d.Start - 1)) + 1);
            // A recurring date names its report in its own words ("ngày 20 hằng tháng"); a dated one does not:
            // "quý II/2025" is a deadline, not a quarterly report.
            var recurring = d.Display.Contains("hằng");
            var own = Periods.All(clause.Folded[from..Math.Min(clause.Text.Length, d.End + 12)])
                .Where(p => recurring || p.At + from < d.Start || p.At + from >= d.End).ToList();
            previousEnd = d.End;
            var before = own.Where(p => p.At < d.End - from).ToList();
            var period = before.Count > 0 ? before[^1].Period : own.Count > 0 ? own[0].Period : Period.None;
            // "Trước ngày …" sets a deadline; a month, quarter or year may be one; a bare date less so; "hằng năm"
            // or "thường xuyên" say how often, and barely answer "by when".
            // Ordinal: the prefix is the parser's own ("trước "), and a culture-aware comparison went through ICU at every date.
            var strength = d.Display.StartsWith("trước", StringComparison.Ordinal) ? 1.2 : d.Kind == ValueKind.Deadline ? 1.0 : 0.8;
            // A recurrence word names a period rather than dating it: the asked period does not lift it.
            if (Recurrence(d.Display)) strength = 0.4;
            // A question about one report ("báo cáo quý") is answered by the date set for that report, not by a date
            // the clause sets for no report.
            else if (asked != Period.None) strength = period == asked ? strength + 0.3 : strength * 0.3;
            yield return new Candidate(Kind, d.Display, d.Start, d.End, strength);
        }
        if (found) yield break;
        // Headings date what they head: "2.5. Đến hết năm 2045" above a list of targets.
        if (_headings.GetOrAdd(clause.Chunk.Section, static (_, c) => HeadingValue.Of(c, ValueSpans.Dates), clause) is { } heading)
            yield return new Candidate(Kind, heading.Value.Display, -1, -1, 0.5) { FromHeading = heading.Heading };
    }

    /// <summary>A word that says how often or on what occasion, not by when: "thường xuyên", "hằng năm", "ngày ký".</summary>
    private static bool Recurrence(string display) => display is "thường xuyên" or "hằng năm" or "ngày ký";
}
