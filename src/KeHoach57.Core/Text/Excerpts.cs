namespace KeHoach57.Core.Text;

/// <summary>Short pieces of longer text for people to read: a quote on one line, cut at a word and marked as cut.</summary>
public static class Excerpts
{
    /// <summary>Cuts at a word boundary (within the last 40 characters) and marks the cut, so an excerpt never ends mid-word.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1, Math.Min(max, 40));
        return text[..(cut > 0 ? cut : max - 1)].TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>
    /// At most <paramref name="max"/> characters of <paramref name="text"/> around [<paramref name="start"/>, <paramref name="end"/>):
    /// the stretch a reader needs, cut at words, each cut marked with "…".
    /// </summary>
    public static string Around(string text, int start, int end, int max)
    {
        if (text.Length <= max) return text;
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(Math.Max(end, start), 0, text.Length);
        var room = Math.Max(0, max - (end - start));
        // Two thirds of the room before the stretch: what a value answers is usually said before it.
        var from = Math.Max(0, start - room * 2 / 3);
        var to = Math.Min(text.Length, end + (room - (start - from)));
        from = Math.Max(0, Math.Min(from, to - max));
        if (from > 0 && text.IndexOf(' ', from) is var space and > 0 && space < start) from = space + 1;
        if (to < text.Length && text.LastIndexOf(' ', to - 1) is var back && back > end) to = back;
        return (from > 0 ? "… " : "") + text[from..to].Trim() + (to < text.Length ? " …" : "");
    }

    /// <summary>The text on one line, runs of whitespace (line breaks included) as one space, then shortened.</summary>
    public static string OneLine(string text, int max) => Shorten(VietnameseText.CollapseSpaces(text), max);
}
