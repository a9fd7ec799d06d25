using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// A document's number and symbol ("57-NQ/TW", "59/KH-UBND"). Each number is described by what follows it
/// up to the next one ("03-KH/ĐU ngày 17/7/2025 của Ban Thường vụ Đảng ủy …"), which is what the question is
/// matched against; numbers cited together ("1552/BTTTT-TTH và 708/BTTTT-CATTT") answer together; "nghị quyết
/// số mấy" prefers numbers of resolutions.
/// </summary>
public sealed class DocumentRefAsk(RoleWords roles) : IAskHandler
{
    private const int AboutChars = 160;

    public AskKind Kind => AskKind.DocumentRef;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var all = clause.DocumentNumbers;
        var numbers = all.Where(n => !Echo.Of(question, n.Display)).ToList();
        if (question.Plural && numbers.Count > 1)
        {
            // "Những văn bản nào": every document the clause cites, each with its number.
            var cited = question.AskedDocumentSymbol is { } kind && numbers.Any(n => Has(n.Display, kind)) ? numbers.Where(n => Has(n.Display, kind)).ToList() : numbers;
            yield return new Candidate(Kind, string.Join("; ", cited.Select(n => n.Display)), cited[0].Start, cited[^1].End, 1.1);
        }
        for (var i = 0; i < numbers.Count; i++)
        {
            var first = i;
            var last = i;
            while (first > 0 && CitedTogether(clause.Text[numbers[first - 1].End..numbers[first].Start])) first--;
            while (last + 1 < numbers.Count && CitedTogether(clause.Text[numbers[last].End..numbers[last + 1].Start])) last++;
            var group = numbers.Skip(first).Take(last - first + 1).ToList();
            var n = numbers[i];
            var next = all.FirstOrDefault(o => o.Start > group[^1].Start);
            var aboutEnd = Math.Min(next?.Start ?? clause.Text.Length, group[^1].End + AboutChars);
            var strength = question.AskedDocumentSymbol is { } symbol
                ? (Has(n.Display, symbol) ? 1.2 : 0.4)
                : 1.0;
            // A document is cited by its number and date ("89/QĐ-TTg ngày 18/01/2019"), as the plan writes it.
            var dated = clause.DateOf(group[^1]);
            var display = string.Join(" và ", group.Select(g => g.Display)) + (dated is null || question.AsksFor(AskKind.Date) ? "" : " " + dated.Display.Replace("trước ", ""));
            yield return new Candidate(Kind, display, group[0].Start, group[^1].End, strength)
            {
                About = (n.Start, aboutEnd),
            };
        }
    }

    private static bool Has(string number, string symbol) =>
        VietnameseText.Fold(number).Split(['-', '/'], StringSplitOptions.RemoveEmptyEntries).Skip(1).Any(p => p == VietnameseText.Fold(symbol));

    private bool CitedTogether(string between)
    {
        var trimmed = between.Trim();
        if (trimmed.StartsWith("số", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("so", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[2..];
        return trimmed.Length <= 6 && roles.Joins(between.Replace("số", " ").Replace("so ", " "));
    }
}
