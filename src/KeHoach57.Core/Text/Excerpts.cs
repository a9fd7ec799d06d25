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

    /// <summary>The text on one line, runs of whitespace (line breaks included) as one space, then shortened.</summary>
    public static string OneLine(string text, int max) => Shorten(VietnameseText.CollapseSpaces(text), max);
}
