using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Ranking;

namespace KeHoach57.Answering.Grounding;

/// <summary>The verdict on a selected answer: its confidence, and why it is refused (null when it stands).</summary>
public sealed record Verdict(double Confidence, string? RefusalReason, IReadOnlyDictionary<string, double> Features);

/// <summary>
/// The "ground" step. Hard gates first: the clause must hold a value of the kind asked and, in its words,
/// every identifier the question names ("6G" is not answered by a passage about 5G); and unless the question asks
/// for an organisation, the clause's line, headings or plan must name every organisation the question names in full.
/// Then the calibrated confidence must reach the threshold fitted on the tune half.
/// </summary>
public sealed class Grounder(Calibrator calibrator, UnitGazetteer units, Corpus corpus, AnswerText display)
{
    private readonly ConditionalWeakTable<Clause, HashSet<string>> _named = new();

    /// <param name="read">The passages the clauses were read from: a refusal says the plans lack an identifier only when none of them says it.</param>
    /// <param name="threshold">A lower bar than the calibrator's own, when the caller knows the question is one the plans answer.</param>
    public Verdict Judge(QuestionFacts question, Selected selected, IReadOnlyList<RankedPassage> read, double? threshold = null)
    {
        if (selected.Best is not { } best)
            return new Verdict(0, NotSaid(question), new Dictionary<string, double>());
        var features = ConfidenceFeatures.Of(question, selected);
        var named = ConfidenceFeatures.Named(features);
        if (Unsaid(question, best.Clause.Context + " " + best.Clause.Text) is { } missing)
        {
            // Say that the plans lack it only when no passage read says it; otherwise the answer was not found, which is all we know.
            var saidElsewhere = read.Any(p => Unsaid(question, p.Chunk.Section + " " + p.Chunk.Passage) != missing);
            return new Verdict(0, saidElsewhere ? NotSure(question) : $"Các kế hoạch hiện có không nêu thông tin về {missing.ToUpperInvariant()}.", named);
        }
        if (Unnamed(question, best.Clause) is not null)
            return new Verdict(0, NotSure(question), named);
        var p = calibrator.Probability(features);
        return new Verdict(p, calibrator.Accepts(p, threshold) ? null : NotSure(question), named);
    }

    /// <summary>The first identifier the question names ("6G") that <paramref name="text"/> does not say, or null.</summary>
    public static string? Unsaid(QuestionFacts question, string text)
    {
        var said = VietnameseText.Fold(text);
        // A period may be written "2021 - 2025" or "2021–2025".
        return question.Identifiers.FirstOrDefault(i => !Regex.IsMatch(said, $@"(?<![\w/.-]){Regex.Escape(i).Replace("-", @"\s*[-–]\s*")}(?![\w/.-])"));
    }

    /// <summary>
    /// The first organisation the question names that the clause's line does not: in its words (read back into
    /// Vietnamese where OCR lost letters), the headings it sits under, or its plan's title and issuer, which every clause
    /// of the plan speaks for. The line, because a semicolon clause goes on with its item's subject ("Sở Khoa học và
    /// Công nghệ chủ trì …; bám sát …"); another line of the passage naming it ("… gửi Sở Khoa học và Công nghệ tổng
    /// hợp") does not make this one about it.
    /// </summary>
    private string? Unnamed(QuestionFacts question, Clause clause)
    {
        // Asked for an organisation, the question may name another as its counterpart ("Sở Tài chính chủ trì … còn theo
        // xã Trường Giang, đơn vị nào?") or partner: the answer is checked as an organisation already.
        if (question.Organisations.Count == 0 || question.Primary.AsksOrganisation()) return null;
        var named = _named.GetValue(clause, c =>
        {
            var doc = corpus.Find(c.Chunk.DocId)?.Info;
            var line = LineOf(c);
            var text = $"{doc?.Title}\n{doc?.Issuer}\n{c.Context}\n{display.Reading(c.Context, c.Chunk.DocId)}\n{line}\n{display.Reading(line, c.Chunk.DocId)}";
            return units.Find(text).Select(m => m.Canonical).ToHashSet(StringComparer.Ordinal);
        });
        return question.Organisations.FirstOrDefault(o => !named.Contains(o));
    }

    /// <summary>The lines of its passage the clause stands on.</summary>
    private static string LineOf(Clause clause)
    {
        var text = clause.Chunk.Text;
        if (clause.IsRow || clause.Start < 0 || clause.Start > text.Length) return clause.Text;
        var from = clause.Start == 0 ? 0 : text.LastIndexOf('\n', clause.Start - 1) + 1;
        var to = text.IndexOf('\n', Math.Min(text.Length, clause.Start + clause.Text.Length));
        return text[from..(to < 0 ? text.Length : to)];
    }

    private static string NotSaid(QuestionFacts question) => question.Primary switch
    {
        AskKind.Contact => "Các kế hoạch không ghi thông tin liên hệ (điện thoại, e-mail, địa chỉ).",
        AskKind.Person => "Các kế hoạch hiện có không nêu tên người cho câu hỏi này.",
        AskKind.Money => "Các kế hoạch hiện có không nêu số tiền này.",
        // Nothing of the kind asked was found near the question: that is all the assistant knows.
        _ => NotSure(question),
    };

    /// <summary>Why an answer is refused when none of its kind was found firmly enough: not found, which is all the assistant knows.</summary>
    public static string NotSure(QuestionFacts question) => question.Primary switch
    {
        AskKind.Deadline => "Không tìm thấy đoạn nào nêu rõ thời hạn này.",
        AskKind.Date => "Không tìm thấy đoạn nào nêu rõ ngày này.",
        AskKind.LeadUnit or AskKind.CoUnits or AskKind.Recipient => "Không tìm thấy đoạn nào nêu rõ đơn vị được giao việc này.",
        AskKind.Figure => "Không tìm thấy đoạn nào nêu rõ con số này.",
        _ => "Các kế hoạch hiện có không nêu rõ thông tin này.",
    };
}
