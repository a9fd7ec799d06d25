using System.Text.RegularExpressions;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>
/// Deadlines: "báo cáo 6 tháng trước ngày 10/6", "hoàn thành trong quý II/2025". The subject is the stretch of the
/// clause just before the date (back to the previous comma or bracket, further back when that stretch is only
/// "hoàn thành trong"); a second date joined by "và" belongs to the same subject and is never a distractor.
/// </summary>
public sealed class DeadlineFacts(FactContext context, FactCues cues) : IFactSource
{
    public QuizKind Kind => QuizKind.Deadline;

    // A deadline, not a period ("6 tháng") nor a horizon ("đến năm 2030"), which targets read.
    private readonly Regex _due = cues.Build("^{due}");

    // "trong năm 2025" is a deadline only after "hoàn thành"; elsewhere it is a plan's horizon.
    private readonly Regex _completes = cues.Build(@"{completes}\s*$");

    // The OCR's "trude", "trwdc" for "trước" left before a date the recognizer read without it; a dangling "hoàn thành".
    private readonly Regex _danglingTail = cues.Build(@"(\s+{dangling})+\s*$");

    private readonly Regex _onlyJoiner = cues.Build(@"^\W*{between}?\W*$");

    private readonly Regex _vague = cues.Build(@"^{vague}(\s+{vague})*$");

    private readonly Regex _barePeriod = cues.Build("^{period}$");

    private readonly Regex _report = cues.Build(@"(^|\s){report}");

    private readonly Regex _reportFirst = cues.Build("^{report}");

    private readonly Regex _leadingPeriod = cues.Build(@"^\s*{period}\s+");

    private readonly Regex _leadingJoiner = cues.Build(@"^\W*{joiner}\s+");

    public IEnumerable<PlanFact> Read(CorpusDocument plan)
    {
        foreach (var chunk in plan.Chunks.Where(c => c.Kind == ChunkKind.Text))
        foreach (var clause in context.Clauses(chunk))
        {
            var spans = clause.Dates.Where(s => _due.IsMatch(Fold(s.Display))).ToList();
            for (var i = 0; i < spans.Count; i++)
            {
                var span = spans[i];
                // "trước ngày 15 tháng 6 và trước ngày 01 tháng 12": the second date shares the first one's subject.
                if (i > 0 && _onlyJoiner.IsMatch(Fold(clause.Text[spans[i - 1].End..span.Start]))) continue;
                var (from, segment) = FactText.SegmentBefore(clause.Text, span.Start);
                if (span.Display.StartsWith("trong năm") && !_completes.IsMatch(Fold(segment))) continue;
                // "định kỳ 6 tháng (trước ngày 05/6)": the subject stands before the bracket.
                if (FactText.Words(segment) == 0 && from > 1) segment = FactText.SegmentBefore(clause.Text, from - 1).Text;
                // "báo cáo UBND huyện (thông qua Phòng Văn hóa - Xã hội) kết quả thực hiện trước ngày 10 hằng tháng": the
                // subject goes on before the aside; "hằng tháng, 3 tháng, 1 năm báo cáo…" leaves its period to the date.
                else if (from > 1 && clause.Text[from - 1] == ')' && clause.Text.LastIndexOf('(', from - 1) is var open and > 0)
                {
                    var before = FactText.SegmentBefore(clause.Text, open).Text;
                    var period = _leadingPeriod.Match(VietnameseText.Fold(before));
                    if (period.Success && VietnameseText.Fold(before).Length == before.Length) before = before[period.Length..];
                    segment = before.TrimEnd() + " " + segment.TrimStart();
                }
                var task = IsVague(segment);
                var cited = clause;
                var subject = segment;
                if (task)
                {
                    (var taskStart, subject) = TaskBefore(clause, span.Start);
                    // "Xây dựng kế hoạch …; hoàn thành trong quý II/2025": the quote holds the task as well as its date.
                    if (taskStart < clause.Start) cited = context.Covering(clause.Chunk, taskStart, clause.Start + span.End) ?? clause;
                }
                subject = Trim(subject);
                if (FactText.Words(subject) < 2 || IsVague(subject)) continue;
                var folded = Fold(subject);
                if (_barePeriod.IsMatch(folded) && _report.IsMatch(Fold(clause.Text)) && !_reportFirst.IsMatch(folded))
                    subject = "báo cáo " + subject.Trim();
                var shown = cues.Spell("period", FactText.Cap(context.Display(subject, plan.Info.Id), 18));
                if (shown.Length == 0 || !FactContext.Readable(shown)) continue;
                var accept = new List<string> { DateOf(span.Display) };
                // "trước ngày 15 tháng 6 và trước ngày 01 tháng 12": both answer the same stem.
                for (var j = i + 1; j < spans.Count && _onlyJoiner.IsMatch(Fold(clause.Text[spans[j - 1].End..spans[j].Start])); j++)
                    accept.Add(DateOf(spans[j].Display));
                var when = span.Display.StartsWith("trước ngày") || span.Display.StartsWith("ngày") ? "ngày nào" : "khi nào";
                if (task) shown = char.ToLowerInvariant(shown[0]) + shown[1..];
                var (question, statement) = task
                    ? ($"việc “{shown}” phải hoàn thành {when}?", $"việc “{shown}” hoàn thành {span.Display}")
                    : ($"hạn của {shown} là {when}?", $"hạn của {shown} là {span.Display}");
                yield return new PlanFact(plan.Info.Id, Kind, shown, span.Display, accept, question, statement, cited)
                {
                    SubjectWords = context.ContentWords(subject),
                    ShownWords = context.ContentWords(shown),
                };
            }
        }
    }

    public IReadOnlySet<string> ValuesIn(string text) => ValueSpans.Dates(text).Select(s => Key(s.Display)).ToHashSet();

    /// <summary>"trước ngày 10/6" and "ngày 10/6" are one answer: the date is what a trainee must find.</summary>
    public string Key(string value) => FactText.Compact(DateOf(value));

    private static string DateOf(string display) => display.StartsWith("trước ") ? display["trước ".Length..] : display;

    /// <summary>
    /// "Xây dựng kế hoạch …; hoàn thành trong quý II/2025": when the words before the date only say "hoàn thành",
    /// the subject is the task the sentence (or, when the clause starts there, the sentence before it) names.
    /// </summary>
    private (int Start, string Text) TaskBefore(Answering.Clauses.Clause clause, int at)
    {
        var text = clause.Chunk.Text;
        var offset = clause.Start;
        var inChunk = offset + clause.Text.Length <= text.Length && string.CompareOrdinal(text, offset, clause.Text, 0, clause.Text.Length) == 0;
        if (!inChunk) (text, offset) = (clause.Text, 0);
        var (start, segment) = FactText.SegmentBefore(text, offset + at, FactText.Stops);
        if (IsVague(Trim(segment)) && start > 1)
        {
            var before = FactText.SegmentBefore(text, start - 1, FactText.Stops);
            (start, segment) = (before.Start, before.Text + " " + segment);
        }
        return (inChunk ? start : clause.Start, FactText.Cap(segment, 18));
    }

    /// <summary>The subject without the words that only lead to the date ("… hoàn thành trong", "… trude").</summary>
    private string Trim(string subject)
    {
        var folded = VietnameseText.Fold(subject);
        if (folded.Length != subject.Length) return subject;
        // Folding keeps offsets for these letters, so the cuts apply to the source text as is.
        var tail = _danglingTail.Match(folded);
        if (tail.Success) (subject, folded) = (subject[..tail.Index], folded[..tail.Index]);
        var joiner = _leadingJoiner.Match(folded);
        return joiner.Success ? subject[joiner.Length..] : subject;
    }

    private bool IsVague(string segment) => FactText.Words(segment) < 2 || _vague.IsMatch(Fold(segment).Trim());

    private static string Fold(string s) => VietnameseText.CollapseSpaces(VietnameseText.Fold(s)).Trim();
}
