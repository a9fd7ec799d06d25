using System.Runtime.CompilerServices;
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

    // Whether the question asks for a percentage, read once per question rather than once per clause.
    private readonly ConditionalWeakTable<QuestionFacts, StrongBox<bool>> _percentWanted = new();

    // Whether the question names what a rate is counted per ("vạn dân"), read once per question.
    private readonly ConditionalWeakTable<QuestionFacts, StrongBox<bool>> _namesBase = new();

    private bool NamesBase(QuestionFacts question) =>
        ValueSpans.NamesRateBase(analyzer.Tokenize(question.Text, repair: false).Select(t => t.Term).ToList());

    [GeneratedRegex(@"^(19|20)\d\d(\s*-\s*(19|20)\d\d)?$")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^\s*[|.)]")]
    private static partial Regex ItemNumberEnd();

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var percentWanted = _percentWanted.GetValue(question, q => new(q.PercentAsked)).Value;
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
            // "Bao nhiêu điểm?" is answered by a figure counting points, not by "nhóm 10 tỉnh" nearby.
            // So is "bao nhiêu dân": "trên 50%" in a row about the people's 5G coverage counts no one.
            if (question.CountedNoun is { } noun && !Counts(clause, f, noun)) strength = 0.3;
            // "Số cán bộ nghiên cứu toàn tỉnh là bao nhiêu người?" asks how many in all: "15 người … trên 01 vạn dân" is
            // a rate, the answer only to a question that names its base.
            else if (f.PerBase && !_namesBase.GetValue(question, q => new(NamesBase(q))).Value) strength = 0.3;
            if (MoneyAsk.IsMoney(clause, f)) strength = 0.2;
            var (unitEnd, hasUnit) = UnitAfter(clause, f);
            // A figure is shown with what it measures, as the clause writes it ("1 Gbps", "30 dự án", "2% GRDP").
            yield return hasUnit
                ? new Candidate(Kind, f.Display + clause.Text[f.End..unitEnd], f.Start, unitEnd, strength) { IsText = true }
                : new Candidate(Kind, f.Display, f.Start, f.End, strength);
        }
    }

    private const int UnitWordsMax = 2;

    /// <summary>
    /// The words right after a figure that say what it measures: up to two, not across punctuation, a number or a
    /// grammar word. After a percentage only a term in capitals ("% GRDP"): "65% dân số có …" needs no more.
    /// </summary>
    private (int End, bool Found) UnitAfter(Clause clause, ValueSpan figure)
    {
        var tokens = clause.Tokens(analyzer);
        var end = figure.End;
        var taken = 0;
        foreach (var t in tokens.Where(t => t.Start >= figure.End))
        {
            if (taken == UnitWordsMax || clause.Text.AsSpan(end, t.Start - end).ContainsAny(",;.:()|\n")) break;
            if (StopWords.Contains(t.Term) || t.Term.Any(char.IsDigit)) break;
            var surface = clause.Text.AsSpan(t.Start, t.Length);
            if (figure.Kind == ValueKind.Percent && !(surface.Length >= 2 && char.IsUpper(surface[0]) && char.IsUpper(surface[^1]))) break;
            end = t.End;
            taken++;
            if (figure.Kind == ValueKind.Percent) break;
        }
        return (end, taken > 0);
    }

    private bool Counts(Clause clause, ValueSpan figure, string noun)
    {
        var head = analyzer.Tokenize(noun).FirstOrDefault().Term;
        if (head is null) return false;
        return analyzer.Tokenize(clause.Text[figure.End..Math.Min(clause.Text.Length, figure.End + 24)]).Take(2)
            .Any(t => OcrDistance.SameWord(head, t.Term));
    }
}
