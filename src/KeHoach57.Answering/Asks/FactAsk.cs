using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// Anything else: the proper name the clause writes after the words the question asks "which" of ("khu
/// CNTT tập trung nào" → "Khu công nghệ thông tin tập trung Yên Bình"), a name the clause puts in quotes,
/// or else the stretch of the clause where the question's words gather.
/// </summary>
public sealed partial class FactAsk(VietnameseAnalyzer analyzer, Selection.SubjectMatch subjects) : IAskHandler
{
    private const int FocusChars = 220;

    public AskKind Kind => AskKind.Fact;

    // A name starts with a capital and runs to the next punctuation, eight words at most: Vietnamese names
    // capitalise their first word only ("Kiến trúc Chính quyền điện tử tỉnh").
    [GeneratedRegex(@"^\s+(\p{Lu}[\p{L}\d]*(?:[ \t]+[\p{L}\d]+){0,7})")]
    private static partial Regex CapitalisedName();


    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        // "Mục tiêu phủ sóng 6G ra sao vào năm 2045?" of a target table's row: what the row says for that year is its cell.
        if (clause.IsRow && question.Year is not null && TableColumn.Read(clause, question) is { } cell)
            yield return cell with { Kind = Kind };
        if (NamedAfter(clause, question) is { } named) yield return named;
        foreach (var run in QuotedRuns(clause.Text))
        {
            var (from, to) = (run[0].Start, run[^1].End);
            // A quoted name is about the words around it ("triển khai phong trào “Học tập số” …").
            yield return new Candidate(Kind, string.Join(", ", run.Select(n => clause.Text[n.Start..n.End])), from, to, 0.8)
            {
                IsText = true,
                About = (Math.Max(0, from - 80), Math.Min(clause.Text.Length, to + 40)),
            };
        }
        var (start, end) = Focus(clause, question);
        yield return new Candidate(Kind, clause.Text[start..end], start, end, 0.5) { IsText = true };
    }

    /// <summary>The name the clause writes after the asked noun: the question's lead words, or the last of them ("đưa huyện nào" → "huyện").</summary>
    private Candidate? NamedAfter(Clause clause, QuestionFacts question)
    {
        var tokens = clause.Tokens(analyzer);
        var leads = question.Lead;
        for (var take = leads.Count; take >= 1; take--)
        {
            // The last `take` lead words, read in place: this runs for every clause read.
            var skip = leads.Count - take;
            for (var i = 0; i + take <= tokens.Count; i++)
            {
                if (!OcrWordMemo.SameWordsAt(leads, skip, take, tokens, i, 0.45)) continue;
                var after = tokens[i + take - 1].End;
                var cut = clause.Text.IndexOfAny(NameEnds, after);
                var name = CapitalisedName().Match(clause.Text[after..(cut < 0 ? clause.Text.Length : cut)]);
                if (!name.Success) continue;
                var g = name.Groups[1];
                // A name that stops inside a word OCR broke ("quy tắc Ung x{r" for "ứng xử") is not the name written
                // there but its first letters: the clause's own words answer instead.
                var nameEnd = after + g.Index + g.Length;
                if (nameEnd < clause.Text.Length && !char.IsWhiteSpace(clause.Text[nameEnd]) && Array.IndexOf(NameEnds, clause.Text[nameEnd]) < 0) continue;
                var start = tokens[i].Start;
                // A proper name is shown as written (the lexicon of common words would misread "Yen Binh"), after the
                // asker's own words for what it names when all of them were found ("khu CNTT tập trung" + "Yen Binh").
                var display = $"{TypedLead(question, take)} {g.Value}".Trim();
                return new Candidate(Kind, display, start, after + g.Index + g.Length, 1.0 * take / question.Lead.Count + 0.3)
                {
                    About = (Math.Max(0, start - 80), Math.Min(clause.Text.Length, after + g.Index + g.Length + 40)),
                };
            }
        }
        return null;
    }

    // Kept, not written inline: an inline array is a new one at every call.
    private static readonly char[] NameEnds = [',', ';', '.', ':', '(', ')', '\n', '"', '“', '”'];
    private static readonly char[] FocusStarts = [',', ';', ':', '\n', '.'];

    private const int MinQuoted = 2, MaxQuoted = 60;

    /// <summary>
    /// The names a clause puts in quotes, each run of names said one after another (with commas or "và" between) as one
    /// list: "phong trào “Học tập số”, “Bình dân học vụ số”" names two movements, and a question about them asks for both.
    /// A straight quote after a space opens a name, whatever came before: OCR drops closing quotes ("“Hoc tap s6, "Binh
    /// dan hoc vu s6"" has lost the first one), so such a quote ends the name left open at the last word before it.
    /// </summary>
    internal static List<List<(int Start, int End)>> QuotedRuns(string text)
    {
        var names = new List<(int Start, int End)>();
        int? open = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\n') { open = null; continue; }
            if (ch is not ('"' or '“' or '”')) continue;
            var afterWord = i > 0 && !char.IsWhiteSpace(text[i - 1]);
            if (open is { } from && (ch == '”' || ch == '"' && afterWord))
            {
                Add(from, i);
                open = null;
            }
            else if (ch != '”')
            {
                if (open is { } unclosed) Add(unclosed, i);
                open = i + 1;
            }
        }
        var runs = new List<List<(int Start, int End)>>();
        foreach (var name in names)
            if (runs.Count > 0 && SaidTogether(text, runs[^1][^1].End, name.Start)) runs[^1].Add(name);
            else runs.Add([name]);
        return runs;

        void Add(int from, int to)
        {
            // A name left open ends at its last word: "Hoc tap s6, " is "Hoc tap s6".
            while (to > from && (char.IsWhiteSpace(text[to - 1]) || text[to - 1] is ',' or ';')) to--;
            if (to - from is >= MinQuoted and <= MaxQuoted) names.Add((from, to));
        }
    }

    /// <summary>Only quotes, commas, spaces or "và" stand between two names.</summary>
    private static bool SaidTogether(string text, int end, int start)
    {
        var between = new string(text[end..start].Where(c => c is not ('"' or '“' or '”' or ',')).ToArray()).Trim();
        return between.Length == 0 || VietnameseText.Fold(between) == "va";
    }

    /// <summary>The last <paramref name="take"/> lead words as the asker typed them, when they can be told apart (no abbreviation spelled out).</summary>
    private static string TypedLead(QuestionFacts question, int take)
    {
        var typed = question.LeadText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (take == question.Lead.Count) return question.LeadText;
        return typed.Length == question.Lead.Count ? string.Join(' ', typed.Skip(typed.Length - take)) : "";
    }

    /// <summary>A clause short enough leads whole; a long one from where the question's words gather.</summary>
    internal (int Start, int End) Focus(Clause clause, QuestionFacts question)
    {
        var text = clause.Text;
        if (text.Length <= FocusChars) return (0, text.Length);
        var anchors = subjects.Anchors(clause, question);
        var start = 0;
        if (anchors.Count > 0)
        {
            // The anchor that starts the heaviest 160 characters of anchors (the first of equals), in plain loops.
            var best = anchors[0].Position;
            var bestWeight = double.NegativeInfinity;
            foreach (var (position, _) in anchors)
            {
                var weight = 0.0;
                foreach (var b in anchors)
                    if (b.Position >= position && b.Position < position + 160) weight += b.Weight;
                if (weight > bestWeight) (best, bestWeight) = (position, weight);
            }
            start = best;
            var boundary = text.LastIndexOfAny(FocusStarts, Math.Max(0, start - 1));
            if (boundary >= 0 && start - boundary <= 80) start = boundary + 1;
            if (start < 40) start = 0;
        }
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = Math.Min(text.Length, start + FocusChars);
        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var space && space > start) end = space;
        return (start, end);
    }
}
