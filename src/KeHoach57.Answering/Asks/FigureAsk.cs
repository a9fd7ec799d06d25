using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// A figure with its unit: a target table's cell for the asked year, or a figure the clause states
/// ("Đạt 65% dân số …", "ít nhất 2-3 chuyên gia"). "Bao nhiêu %" is answered by a percentage only,
/// "bao nhiêu sáng kiến" by a figure counting sáng kiến; a year or an item number is never a figure.
/// </summary>
public sealed partial class FigureAsk(VietnameseAnalyzer analyzer) : IAskHandler
{
    public AskKind Kind => AskKind.Figure;

    [GeneratedRegex(@"^(19|20)\d\d(\s*-\s*(19|20)\d\d)?$")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^\s*[|.)]")]
    private static partial Regex ItemNumberEnd();

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var percentWanted = question.Text.Contains('%') || VietnameseText.Fold(question.Text).Contains("ty le");
        if (clause.IsRow && TableColumn.Read(clause, question) is { } cell)
        {
            yield return cell with { Kind = Kind };
            yield break;
        }
        foreach (var f in clause.Figures)
        {
            var value = clause.Text[f.Start..f.End].Trim();
            if (YearRange().IsMatch(value) || f.Start < 3 && ItemNumberEnd().IsMatch(clause.Text[f.End..Math.Min(clause.Text.Length, f.End + 2)])) continue;
            if (Echo.Of(question, f.Display)) continue;
            // "Bao nhiêu %" is answered by a percentage, never by a count that happens to stand nearby.
            if (percentWanted && f.Kind != ValueKind.Percent) continue;
            var strength = 1.0;
            var display = f.Display + UnitWords(clause, f, question);
            if (question.CountedNoun is { } noun && f.Kind != ValueKind.Percent)
            {
                // "Bao nhiêu điểm?" is answered by a figure counting points, not by "nhóm 10 tỉnh" nearby.
                if (Counts(clause, f, noun)) display = $"{f.Display} {noun}";
                else strength = 0.3;
            }
            if (MoneyAsk.IsMoney(clause, f)) strength = 0.2;
            yield return new Candidate(Kind, display, f.Start, f.End, strength);
        }
    }

    /// <summary>
    /// What the figure measures, in the asker's words, when the clause says it right after the figure:
    /// "2% GRDP", "1 Gbps". Only words the question also uses, so nothing the asker did not say is added.
    /// </summary>
    private string UnitWords(Clause clause, ValueSpan figure, QuestionFacts question)
    {
        if (question.CountedNoun is not null) return "";
        var after = analyzer.Tokenize(clause.Text[figure.End..Math.Min(clause.Text.Length, figure.End + 20)]).Take(1).ToList();
        if (after.Count == 0 || !char.IsLetter(after[0].Term[0])) return "";
        var asked = analyzer.Tokenize(question.Text).FirstOrDefault(t => t.Term == after[0].Term && t.Term.Length >= 2 && !StopWords.Contains(t.Term));
        return asked.Term is null ? "" : " " + question.Text.Substring(asked.Start, asked.Length);
    }

    private bool Counts(Clause clause, ValueSpan figure, string noun)
    {
        var head = analyzer.Tokenize(noun).FirstOrDefault().Term;
        if (head is null) return false;
        return analyzer.Tokenize(clause.Text[figure.End..Math.Min(clause.Text.Length, figure.End + 24)]).Take(2)
            .Any(t => OcrDistance.SameWord(head, t.Term));
    }
}
