using System.Text.RegularExpressions;

namespace KeHoach57.Ingestion.Chunking;

/// <summary>Cuts text into pieces of at most a given length: at sentence ends where it can, else at a space.</summary>
public static partial class TextSplitter
{
    public static List<string> Split(string text, int max)
    {
        var pieces = new List<string>();
        var current = "";
        foreach (var sentence in SentenceEnd().Split(text).SelectMany(s => HardSplit(s, max)))
        {
            if (current.Length > 0 && current.Length + 1 + sentence.Length > max)
            {
                pieces.Add(current);
                current = "";
            }
            current = current.Length == 0 ? sentence : current + " " + sentence;
        }
        if (current.Length > 0) pieces.Add(current);
        return pieces;
    }

    /// <summary>Consecutive windows of about <paramref name="size"/> characters, each ending at a space.</summary>
    public static IEnumerable<(int Start, string Text)> Windows(string text, int size)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + size);
            if (end < text.Length && text.LastIndexOf(' ', end - 1, end - start) is var space && space > start) end = space;
            var window = text[start..end].Trim();
            if (window.Length > 0) yield return (start, window);
            start = end;
        }
    }

    private static IEnumerable<string> HardSplit(string sentence, int max) =>
        sentence.Length <= max ? [sentence] : Windows(sentence, max).Select(w => w.Text);

    /// <summary>After ".", "!", "?" or ";" and before what starts a sentence or clause.</summary>
    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[\p{Lu}\d(""'+-])")]
    private static partial Regex SentenceEnd();
}
