namespace KeHoach57.Core.Text;

/// <summary>
/// Splits a passage into the clauses an answer can quote: sentences, semicolon clauses and list items.
/// Dates ("10/6"), decimals ("0,92", "4.0") and numbered headings ("2.1.") do not end a sentence, nor does a question
/// mark before a figure: plans state targets rather than ask, and a broken font leaves "≥" as "?" ("Chỉ số … cấp tỉnh ? 0,70").
/// </summary>
public static class Sentences
{
    public readonly record struct Span(int Start, int Length)
    {
        public int End => Start + Length;
        public string Of(string text) => text.Substring(Start, Length);
    }

    public static List<Span> Split(string text)
    {
        var spans = new List<Span>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c switch
            {
                '\n' or ';' => true,
                '.' or '?' or '!' => IsSentenceEnd(text, i),
                '-' or '+' => IsListMarker(text, i),
                _ => false,
            };
            if (!end) continue;
            var cut = c is '-' or '+' ? i : i + 1;
            Add(text, spans, start, cut);
            start = cut;
        }
        Add(text, spans, start, text.Length);
        return spans;
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        if (i + 1 >= text.Length) return true;
        var next = text[i + 1];
        if (text[i] == '?' && FigureFollows(text, i + 1)) return false;
        if (!char.IsWhiteSpace(next)) return false; // 10.5, 4.0, "./."
        var prev = i > 0 ? text[i - 1] : ' ';
        if (char.IsDigit(prev) && i >= 1)
        {
            // "2.1. Phát triển" or "1. Mục tiêu": a heading number, not a sentence.
            var j = i - 1;
            while (j >= 0 && (char.IsDigit(text[j]) || text[j] == '.')) j--;
            if (j < 0 || text[j] is '\n' or ' ' && (j == 0 || text[j - 1] is '\n' or '.' or ':')) return false;
        }
        return true;
    }

    /// <summary>A figure starts at <paramref name="i"/>, after spaces on the same line.</summary>
    private static bool FigureFollows(string text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i < text.Length && char.IsDigit(text[i]);
    }

    /// <summary>"- " or "+ " opening a list item (after a line break or a colon), not a dash inside "Văn hóa - Xã hội".</summary>
    private static bool IsListMarker(string text, int i)
    {
        if (i + 1 >= text.Length || text[i + 1] != ' ') return false;
        var j = i - 1;
        while (j >= 0 && text[j] == ' ') j--;
        return j < 0 || text[j] is '\n' or ':' or '.' or ';';
    }

    private static void Add(string text, List<Span> spans, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '-' or '+')) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end - start >= 3) spans.Add(new Span(start, end - start));
    }
}
