using KeHoach57.Answering.Asks;
using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Ranking;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Composition;

/// <summary>
/// The "compose" step: one answer record. The line leads with the value (in proper form: organisation
/// names canonical, OCR text read back into Vietnamese), then the plan it comes from; at most three
/// citations, the chosen clause first, each other one holding the subject. A refusal says why and offers
/// the nearest passages.
/// </summary>
public sealed class AnswerComposer(AnswerText display, SourceLabels labels, SubjectMatch subjects, Clauses.ClauseReader clauses, IOptions<AnsweringOptions> options)
{
    private const int TextChars = 220;
    private const int QuoteChars = 200;

    public AnswerRecord Answer(QuestionFacts question, Choice choice, Verdict verdict, IReadOnlyList<RankedPassage> passages)
    {
        var docId = choice.Clause.Chunk.DocId;
        var (line, value) = Line(question, choice);
        var citations = Citations(question, choice, passages);
        return new AnswerRecord(true, line, value, question.Primary, citations)
        {
            PlanId = docId,
            Confidence = Math.Round(verdict.Confidence, 4),
        };
    }

    public AnswerRecord Refusal(QuestionFacts question, string reason, IReadOnlyList<RankedPassage> passages, string? scope, double confidence = 0)
    {
        var closest = passages.Take(options.Value.MaxCitations).Select(p => Cite(p, BestClause(p, question))).ToList();
        var line = closest.Count > 0 ? $"{reason} Dưới đây là những đoạn gần nhất để bạn tự đối chiếu." : reason;
        return new AnswerRecord(false, line, null, question.Primary, closest, reason) { PlanId = scope, Confidence = Math.Round(confidence, 4) };
    }

    /// <summary>The answer line for a chosen clause and its values, and the value it leads with.</summary>
    public (string Line, string Value) Line(QuestionFacts question, Choice choice)
    {
        var docId = choice.Clause.Chunk.DocId;
        var values = question.Asks.Count > 1 ? InQuestionOrder(question, choice) : choice.Values.Take(1).ToList();
        var value = string.Join("; ", values.Select(v => Show(v, docId)).Where(v => v.Length > 0).Distinct());
        return ($"{Capitalize(value).TrimEnd('.', ' ')} ({labels.Plan(docId)}).", value);
    }

    /// <summary>Several values asked ("số mấy, ban hành ngày nào") are given in the order the question asks them.</summary>
    private static List<Candidate> InQuestionOrder(QuestionFacts question, Choice choice) =>
        question.InQuestionOrder.Select(k => choice.Values.FirstOrDefault(v => v.Kind == k)).Where(v => v is not null).Select(v => v!).ToList();

    private string Show(Candidate value, string docId)
    {
        if (!value.IsText) return value.Display;
        var text = display.ForAnswer(Tidy(value.Display), docId);
        return Shorten(text, TextChars);
    }

    /// <summary>
    /// "Which plan says it": each plan that says it, by its label ("KH xã Yên Hòa › I.2"), each cited by the clause that
    /// says it. The confidence is the share of the subject the best clause says (this kind is not calibrated).
    /// </summary>
    public AnswerRecord Plans(QuestionFacts question, IReadOnlyList<Choice> plans, Verdict verdict)
    {
        var named = string.Join("; ", plans.Select(p => labels.Passage(p.Clause.Chunk)));
        var line = plans.Count == 1 ? $"{named}." : $"{plans.Count} kế hoạch cùng nêu nội dung này: {named}.";
        var value = string.Join("; ", plans.Select(p => labels.Plan(p.Clause.Chunk.DocId)));
        return new AnswerRecord(true, line, value, question.Primary, plans.Select(p => Cite(p.Passage, Quote(p))).ToList())
        {
            PlanId = plans.Count == 1 ? plans[0].Clause.Chunk.DocId : null,
            Confidence = Math.Round(verdict.Confidence, 4),
        };
    }

    /// <summary>
    /// The clause, or the stretch of a long clause around the value and what it answers; a value read from the
    /// heading is quoted with it, so the citation holds everything the answer says.
    /// </summary>
    private static string Quote(Choice choice)
    {
        var value = choice.Primary;
        var (from, to) = value.Start < 0 ? (0, 0) : value.About is { } about ? (Math.Min(about.Start, value.Start), Math.Max(about.End, value.End)) : (value.Start, value.End);
        var quote = Excerpts.Around(choice.Clause.Text, from, to, QuoteChars);
        return value.FromHeading is { } heading ? $"{heading}: … {quote}" : quote;
    }

    private List<Citation> Citations(QuestionFacts question, Choice choice, IReadOnlyList<RankedPassage> passages)
    {
        var citations = new List<Citation> { Cite(choice.Passage, Quote(choice)) };
        foreach (var p in passages)
        {
            if (citations.Count >= options.Value.MaxCitations) break;
            if (p.Chunk.Id == choice.Passage.Chunk.Id) continue;
            var clause = BestClause(p, question);
            var scope = p.Chunk.Section + "\n" + p.Chunk.Context + "\n" + clause;
            if (subjects.Of(scope, question, p.Chunk.DocId).Share < options.Value.CitationMinCoverage) continue;
            citations.Add(Cite(p, clause));
        }
        return citations;
    }

    private string BestClause(RankedPassage passage, QuestionFacts question)
    {
        var all = clauses.Of(passage.Chunk).Where(c => !c.RunOn).ToList();
        if (all.Count == 0) return passage.Chunk.Text;
        return all.MaxBy(c => subjects.OfClauseAlone(c, question).Share)!.Text;
    }

    private Citation Cite(RankedPassage passage, string quote)
    {
        var chunk = passage.Chunk;
        return new Citation(chunk.DocId, display.Title(chunk.DocId), chunk.Section, quote, chunk.Passage, Math.Round(passage.Score, 4), chunk.Id)
        {
            Label = labels.Passage(chunk),
            Restored = display.Restored(quote, chunk.DocId),
        };
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0]) + s[1..];

    private static string Tidy(string text) => VietnameseText.CollapseSpaces(text.Replace('|', ' ')).Trim(' ', ',', ';', '-', ':');

    private static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)] + " …";
    }
}
