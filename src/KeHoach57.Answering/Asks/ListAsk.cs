using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// The items of an enumeration, from where they start to the end of the sentence: at the words the question leads
/// its ask with ("những khu nào" → "khu công nghiệp, khu đô thị"), after a lead-in ("nhất là", "gồm", "như") or a
/// colon, inside parentheses ("(4G, 5G, cáp quang)"), or after a preposition a comma soon follows ("tại các khu công
/// nghiệp, khu đô thị"). An enumeration has at least two items. What comes before the items says what they are
/// (the clause's subject): that, not the items, is matched against the question.
/// </summary>
public sealed partial class ListAsk(VietnameseAnalyzer analyzer, RoleWords roles) : IAskHandler
{
    private const int MaxItemsChars = 320;
    private const int PrepositionReach = 60;
    private const int AboutChars = 160;
    private const int LeadInReach = 12;

    public AskKind Kind => AskKind.List;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        var text = clause.Text;
        var starts = new List<(int At, double Strength, char Stop)>();
        var leadIns = roles.Find(clause, "lead-in");
        if (AtLead(clause, question) is { } lead)
        {
            // "các lĩnh vực trọng điểm như nông nghiệp, …": the question's words name the items' kind, the lead-in
            // right after them opens the items.
            var opening = leadIns.Where(l => l.Start >= lead.End && l.Start - lead.End <= LeadInReach).Select(l => (int?)l.End).FirstOrDefault();
            starts.Add((opening ?? lead.Start, 1.1, '.'));
        }
        starts.AddRange(leadIns.Select(l => (l.End, 1.0, '.')));
        for (var i = text.IndexOf(':'); i >= 0; i = text.IndexOf(':', i + 1)) starts.Add((i + 1, 0.9, '.'));
        for (var i = text.IndexOf('('); i >= 0; i = text.IndexOf('(', i + 1)) starts.Add((i + 1, 1.0, ')'));
        foreach (var p in roles.Find(clause, "before-items"))
        {
            var comma = text.IndexOf(',', p.End);
            if (comma > 0 && comma - p.End <= PrepositionReach && text.AsSpan(p.End, comma - p.End).IndexOfAny(".;:\n") < 0) starts.Add((p.End, 0.8, '.'));
        }
        // Most clauses open no enumeration: no sort, no set of starts for them.
        if (starts.Count == 0) yield break;
        var asksTime = question.AsksFor(AskKind.Date) || question.AsksFor(AskKind.Deadline);
        foreach (var (at, strength, stop) in starts.OrderByDescending(s => s.Strength).DistinctBy(s => s.At))
        {
            var end = stop == ')' ? text.IndexOf(')', at) : text.IndexOfAny(clause.RunOn && text.AsSpan(0, at).TrimEnd().EndsWith(':') ? SentenceEnd : ItemsEnd, at);
            end = Math.Min(end < 0 ? text.Length : end, at + MaxItemsChars);
            var items = text[at..end].Trim(ItemTrim);
            // A separator is enough: the "và" count, which tokenizes the items, is needed only when there is none.
            if (items.Length < 8 || items.AsSpan().IndexOfAny(",;\n") < 0 && Joiners(items) < 1) continue;
            // "(năm 2030, tầm nhìn 2045)" lists times, not the things asked, unless times are what is asked ("những mốc năm nào").
            if (!asksTime && AllTimes(items)) continue;
            var start = text.IndexOf(items, at, StringComparison.Ordinal);
            yield return new Candidate(Kind, items, start, start + items.Length, strength)
            {
                IsText = true,
                About = (Math.Max(0, start - AboutChars), start + Math.Min(items.Length, 40)),
            };
        }
    }

    // Kept, not written inline: an inline array is a new one at every start.
    private static readonly char[] SentenceEnd = ['.'];
    private static readonly char[] ItemsEnd = ['.', ';', '\n'];
    private static readonly char[] ItemTrim = [' ', ':', ',', '\n', '('];

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex Year();

    private static bool AllTimes(string items) => items.Split(ItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(i => Year().IsMatch(i));

    private static readonly char[] ItemSeparators = [',', ';', '\n'];

    private int Joiners(string items) => analyzer.Tokenize(items).Count(t => t.Term == "va");

    /// <summary>
    /// Where the question's own words before its question word stand in the clause, OCR-tolerantly: the items start
    /// there ("những khu nào" → "khu công nghiệp, khu đô thị"; "… thiết yếu nào" → "… thiết yếu như định danh, …").
    /// </summary>
    private (int Start, int End)? AtLead(Clause clause, QuestionFacts question)
    {
        if (question.Lead.Count == 0) return null;
        var tokens = clause.Tokens(analyzer);
        var leads = question.Lead;
        for (var take = leads.Count; take >= Math.Min(2, leads.Count); take--)
        {
            // The last `take` lead words, read in place: this runs for every clause read.
            var skip = leads.Count - take;
            for (var i = 0; i + take <= tokens.Count; i++)
                if (OcrWordMemo.SameWordsAt(leads, skip, take, tokens, i)) return (tokens[i].Start, tokens[i + take - 1].End);
        }
        return null;
    }
}
