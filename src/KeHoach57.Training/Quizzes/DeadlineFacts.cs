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
public sealed partial class DeadlineFacts(FactContext context) : IFactSource
{
    public QuizKind Kind => QuizKind.Deadline;

    // A deadline, not a period ("6 tháng") nor a horizon ("đến năm 2030"), which targets read.
    [GeneratedRegex(@"^(trước ngày|ngày \d+ (hằng tháng|tháng cuối quý)|tháng \d|quý |trong năm \d)")]
    private static partial Regex Due();

    // "trong năm 2025" is a deadline only after "hoàn thành"; elsewhere it is a plan's horizon.
    [GeneratedRegex(@"hoan thanh\s*$")]
    private static partial Regex Completes();

    // The OCR's "trude", "trwdc" for "trước" left before a date the recognizer read without it; a dangling "hoàn thành".
    [GeneratedRegex(@"(\s+(tr[a-z]{2,4}|hoan thanh|thuc hien|trong|xong|la|vao|cham nhat))+\s*$")]
    private static partial Regex DanglingTail();

    [GeneratedRegex(@"^\W*(va|hoac|ho|va hang|,)?\W*$")]
    private static partial Regex OnlyJoiner();

    [GeneratedRegex(@"^(hoan thanh|thuc hien|xong|truoc|trong|chậm nhất|cham nhat|dinh ky|bao cao|gui)(\s+(hoan thanh|truoc|trong|nhat))*$")]
    private static partial Regex Vague();

    [GeneratedRegex(@"^(dinh ky\s+)?(\d\s+thang|h\w{1,2}ng\s+(thang|quy|n\w{1,2}m)|quy|n\w{1,2}m)$")]
    private static partial Regex BarePeriod();

    public IEnumerable<PlanFact> Read(CorpusDocument plan)
    {
        foreach (var chunk in plan.Chunks.Where(c => c.Kind == ChunkKind.Text))
        foreach (var clause in context.Clauses(chunk))
        {
            var spans = clause.Dates.Where(s => Due().IsMatch(s.Display)).ToList();
            for (var i = 0; i < spans.Count; i++)
            {
                var span = spans[i];
                // "trước ngày 15 tháng 6 và trước ngày 01 tháng 12": the second date shares the first one's subject.
                if (i > 0 && OnlyJoiner().IsMatch(Fold(clause.Text[spans[i - 1].End..span.Start]))) continue;
                var (from, segment) = FactText.SegmentBefore(clause.Text, span.Start);
                if (span.Display.StartsWith("trong năm") && !Completes().IsMatch(Fold(segment))) continue;
                // "định kỳ 6 tháng (trước ngày 05/6)": the subject stands before the bracket.
                if (FactText.Words(segment) == 0 && from > 1) segment = FactText.SegmentBefore(clause.Text, from - 1).Text;
                var task = IsVague(segment);
                var subject = task ? TaskBefore(clause, span.Start) : segment;
                subject = Trim(subject);
                if (FactText.Words(subject) < 2 || IsVague(subject)) continue;
                var folded = Fold(subject);
                if (BarePeriod().IsMatch(folded) && Regex.IsMatch(Fold(clause.Text), @"\bbao c\w{1,2}o\b") && !folded.StartsWith("bao cao"))
                    subject = "báo cáo " + subject.Trim();
                var shown = FactText.Cap(context.Display(subject, plan.Info.Id), 18);
                if (shown.Length == 0 || !FactContext.Readable(shown)) continue;
                var accept = new List<string> { DateOf(span.Display) };
                // "trước ngày 15 tháng 6 và trước ngày 01 tháng 12": both answer the same stem.
                for (var j = i + 1; j < spans.Count && OnlyJoiner().IsMatch(Fold(clause.Text[spans[j - 1].End..spans[j].Start])); j++)
                    accept.Add(DateOf(spans[j].Display));
                var when = span.Display.StartsWith("trước ngày") || span.Display.StartsWith("ngày") ? "ngày nào" : "khi nào";
                if (task) shown = char.ToLowerInvariant(shown[0]) + shown[1..];
                var (question, statement) = task
                    ? ($"việc “{shown}” phải hoàn thành {when}?", $"việc “{shown}” hoàn thành {span.Display}")
                    : ($"hạn của {shown} là {when}?", $"hạn của {shown} là {span.Display}");
                yield return new PlanFact(plan.Info.Id, Kind, shown, span.Display, accept, question, statement, clause)
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
    private static string TaskBefore(Answering.Clauses.Clause clause, int at)
    {
        var text = clause.Chunk.Text;
        var offset = clause.Start;
        if (offset + clause.Text.Length > text.Length || string.CompareOrdinal(text, offset, clause.Text, 0, clause.Text.Length) != 0)
            (text, offset) = (clause.Text, 0);
        var (start, segment) = FactText.SegmentBefore(text, offset + at, FactText.Stops);
        if (IsVague(Trim(segment)) && start > 1) segment = FactText.SegmentBefore(text, start - 1, FactText.Stops).Text + " " + segment;
        return FactText.Cap(segment, 18);
    }

    /// <summary>The subject without the words that only lead to the date ("… hoàn thành trong", "… trude").</summary>
    private static string Trim(string subject)
    {
        var folded = VietnameseText.Fold(subject);
        if (folded.Length != subject.Length) return subject;
        // Folding keeps offsets for these letters, so the cuts apply to the source text as is.
        var tail = DanglingTail().Match(folded);
        if (tail.Success) (subject, folded) = (subject[..tail.Index], folded[..tail.Index]);
        var joiner = Regex.Match(folded, @"^\W*(va|hoac)\s+");
        return joiner.Success ? subject[joiner.Length..] : subject;
    }

    private static bool IsVague(string segment) => FactText.Words(segment) < 2 || Vague().IsMatch(Fold(segment).Trim());

    private static string Fold(string s) => VietnameseText.CollapseSpaces(VietnameseText.Fold(s)).Trim();
}
