using System.Globalization;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Turns a reply into messages that each fit a channel's limit (Telegram 4096, Zalo 2000), cutting between
/// paragraphs. A paragraph too long on its own is cut at a line break, else a sentence end, else a space,
/// else between characters; each piece is rendered on its own, so markup and escapes are never cut in half.
/// Lengths are measured on the rendered text, which is never shorter than what the channel counts.
/// </summary>
public static class MessageSplitter
{
    public const string Separator = "\n\n";

    public static IReadOnlyList<string> Split(IEnumerable<ReplyParagraph> paragraphs, Func<ReplyParagraph, string> render, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        var messages = new List<string>();
        var current = "";
        foreach (var paragraph in paragraphs)
        {
            foreach (var unit in Units(paragraph, render, limit))
            {
                if (current.Length == 0) current = unit;
                else if (current.Length + Separator.Length + unit.Length <= limit) current += Separator + unit;
                else
                {
                    messages.Add(current);
                    current = unit;
                }
            }
        }
        if (current.Length > 0) messages.Add(current);
        return messages;
    }

    private static IEnumerable<string> Units(ReplyParagraph paragraph, Func<ReplyParagraph, string> render, int limit)
    {
        if (paragraph.PlainText.Trim().Length == 0) yield break;
        var whole = render(paragraph);
        if (whole.Length <= limit)
        {
            yield return whole;
            yield break;
        }
        foreach (var piece in Cut(paragraph, render, limit))
            yield return render(piece);
    }

    private static IEnumerable<ReplyParagraph> Cut(ReplyParagraph paragraph, Func<ReplyParagraph, string> render, int limit)
    {
        var text = paragraph.PlainText;
        var levels = BreakLevels(text);
        var start = SkipSpace(text, 0);
        while (start < text.Length)
        {
            var end = ChooseEnd(paragraph, text, start, levels, render, limit);
            var piece = paragraph.Slice(start, TrimEndSpace(text, start, end));
            if (piece.PlainText.Length > 0) yield return piece;
            start = SkipSpace(text, end);
        }
    }

    // Prefer the coarsest break that still fills a fair part of the message; a line break right after the
    // start would otherwise make a one-line message.
    private static int ChooseEnd(ReplyParagraph paragraph, string text, int start, int[][] levels, Func<ReplyParagraph, string> render, int limit)
    {
        var fallback = -1;
        foreach (var breaks in levels)
        {
            var end = FarthestFit(paragraph, text, start, breaks, render, limit);
            if (end <= start) continue;
            if (render(paragraph.Slice(start, end)).Length * 3 >= limit) return end;
            fallback = Math.Max(fallback, end);
        }
        if (fallback > start) return fallback;
        // Even one character renders longer than the limit (cannot happen at real limits): take one element.
        return NextTextElement(text, start);
    }

    /// <summary>The farthest break after <paramref name="start"/> whose piece still renders within the limit.
    /// Rendered length only grows as the piece grows, so a binary search finds it.</summary>
    private static int FarthestFit(ReplyParagraph paragraph, string text, int start, int[] breaks, Func<ReplyParagraph, string> render, int limit)
    {
        int lo = FirstAfter(breaks, start), hi = breaks.Length - 1, best = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var end = TrimEndSpace(text, start, breaks[mid]);
            if (end > start && render(paragraph.Slice(start, end)).Length <= limit)
            {
                best = breaks[mid];
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        return best;
    }

    /// <summary>Candidate cut offsets, coarse to fine: after line breaks, after sentence ends, after spaces, between characters.</summary>
    private static int[][] BreakLevels(string text)
    {
        var lines = new List<int>();
        var sentences = new List<int>();
        var spaces = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') lines.Add(i + 1);
            if (char.IsWhiteSpace(c))
            {
                spaces.Add(i + 1);
                if (i > 0 && text[i - 1] is '.' or '!' or '?' or ';' or ':') sentences.Add(i + 1);
            }
        }
        foreach (var level in new[] { lines, sentences, spaces }) level.Add(text.Length);
        var elements = StringInfo.ParseCombiningCharacters(text).Skip(1).Append(text.Length).ToArray();
        return [lines.ToArray(), sentences.ToArray(), spaces.ToArray(), elements];
    }

    private static int FirstAfter(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value + 1);
        return index >= 0 ? index : ~index;
    }

    private static int NextTextElement(string text, int start) =>
        start + Math.Max(1, StringInfo.GetNextTextElementLength(text, start));

    private static int SkipSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index])) index++;
        return index;
    }

    private static int TrimEndSpace(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
