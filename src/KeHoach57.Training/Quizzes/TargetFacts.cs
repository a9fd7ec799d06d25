using System.Text.RegularExpressions;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>
/// Targets: a percentage in a goals or indicators section ("Đảm bảo 90% dịch vụ công trực tuyến toàn trình …").
/// The subject is what follows the figure (or, when nothing does, what precedes it: "tỷ lệ … đạt 90%"); the year
/// is the nearest horizon before it in the clause or in the section's heading ("Đến hết năm 2030").
/// </summary>
public sealed partial class TargetFacts(FactContext context, FactCues cues) : IFactSource
{
    public QuizKind Kind => QuizKind.Target;

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s*%")]
    private static partial Regex Percent();

    private readonly Regex _goalSection = cues.Build(@"\b{goal-section}");

    private readonly Regex _targetCue = cues.Build(@"(^|\W){target-cue}");

    private readonly Regex _leadingCue = cues.Build(@"^\W*{target-cue}\s*");

    private readonly Regex _trailingVerb = cues.Build(@"\s+{target-verb}\s*$");

    public IEnumerable<PlanFact> Read(CorpusDocument plan)
    {
        foreach (var chunk in plan.Chunks.Where(c => c.Kind == ChunkKind.Text))
        {
            var goals = _goalSection.IsMatch(VietnameseText.Fold(chunk.Section));
            foreach (var clause in context.Clauses(chunk))
            {
                var spans = clause.Figures.Where(s => s.Kind == ValueKind.Percent).ToList();
                for (var i = 0; i < spans.Count; i++)
                {
                    var span = spans[i];
                    // Outside a goals section a percentage is a target only when its clause says so before it ("Phấn đấu 100% …").
                    if (!goals && !_targetCue.IsMatch(VietnameseText.Fold(clause.Text[..span.Start]))) continue;
                    var limit = i + 1 < spans.Count ? spans[i + 1].Start : clause.Text.Length;
                    var subject = FactText.SegmentAfter(clause.Text, span.End, limit, FactText.Stops);
                    subject = Regex.Replace(subject, @"\s+(va|và)\s*$", "");
                    // "Kinh tế số đạt 45% GRDP": one word after the figure says what it is a share of, and the question asks in it.
                    var per = "";
                    if (FactText.Words(subject) < 2)
                    {
                        if (FactText.Words(subject) == 1) per = " % " + context.Display(subject, plan.Info.Id).Trim(' ', ',', '.', ';');
                        var (_, before) = FactText.SegmentBefore(clause.Text, span.Start, FactText.Stops);
                        var verb = _trailingVerb.Match(VietnameseText.Fold(before));
                        subject = verb.Success && VietnameseText.Fold(before).Length == before.Length ? before[..verb.Index] : before;
                        // "Phấn đấu bố trí tỷ lệ … 25%": the cue that made it a target is no part of what it is a target for.
                        if (_leadingCue.Match(VietnameseText.Fold(subject)) is { Success: true } cue && VietnameseText.Fold(subject).Length == subject.Length)
                            subject = subject[cue.Length..];
                    }
                    // "… (VNeID), tỷ lệ người dân có chữ ký số đạt40%": a figure the reader did not split off ends the subject before it.
                    if (subject.IndexOf('%') is var glued and >= 0)
                        subject = subject.LastIndexOf(',', glued) is var comma and > 0 ? subject[..comma] : "";
                    if (FactText.Words(subject) < 2) continue;
                    var shown = FactText.Cap(context.Display(subject, plan.Info.Id), 18);
                    if (!FactContext.Readable(shown) || per.Length > 0 && !FactContext.Readable(per)) continue;
                    var horizon = Horizon(clause.Text[..span.Start]) ?? Horizon(chunk.Section);
                    var lead = horizon is null ? "" : horizon + ", ";
                    yield return new PlanFact(plan.Info.Id, Kind, shown, span.Display, [Key(span.Display) + "%"],
                        $"{lead}mục tiêu về {shown} là bao nhiêu{per}?",
                        per.Length == 0 ? $"{lead}mục tiêu {span.Display} {shown}" : $"{lead}mục tiêu {shown} đạt {span.Display} {per[3..]}", clause)
                    {
                        SubjectWords = context.ContentWords(subject),
                        ShownWords = context.ContentWords(shown),
                    };
                }
            }
        }
    }

    /// <summary>
    /// Percentages in the text; in an indicator table's row ("Tỷ lệ … LGSP | % | =60 =80 100 100 100") the unit stands in
    /// its own cell, so the figures after a lone "%" are percentages too: another plan's row that sets the same figure
    /// says the same thing, and its plan is no distractor for "which plan".
    /// </summary>
    public IReadOnlySet<string> ValuesIn(string text)
    {
        var figures = ValueSpans.Figures(text);
        var values = figures.Where(s => s.Kind == ValueKind.Percent).Select(s => Key(s.Display)).ToHashSet();
        if (UnitCell().Match(text) is { Success: true } unit)
            foreach (var figure in figures.Where(f => f.Start >= unit.Index && f.Kind == ValueKind.Number))
                values.Add(Key(Regex.Match(figure.Display, @"\d+(?:[.,]\d+)?").Value + "%"));
        return values;
    }

    [GeneratedRegex(@"(?<=\s)%(?=\s)")]
    private static partial Regex UnitCell();

    /// <summary>"trên 50%", "≥ 50%" and "50 %" are one answer: the figure.</summary>
    public string Key(string value) => Percent().Match(value) is { Success: true } m ? m.Value.Replace(" ", "").TrimEnd('%').Replace('.', ',') : FactText.Compact(value);

    /// <summary>"đến năm 2030" from "Đến năm 2030, …" or a heading "2.2. Đến hết năm 2030"; the last one said wins.</summary>
    private static string? Horizon(string text) =>
        ValueSpans.Dates(text).LastOrDefault(s => Regex.IsMatch(s.Display, @"^(đến|hết|cuối|trong)? ?năm \d{4}$"))?.Display is { } d
            ? d.StartsWith("năm") ? "năm " + d[4..] : d
            : null;
}
