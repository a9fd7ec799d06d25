using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Values;

/// <summary>
/// Phrases of a data file ("Văn phòng", "vạn dân"), folded into words and matched word by word, the longest first
/// where one starts another ("Văn phòng" before "Văn").
/// </summary>
public sealed class FoldedPhrases
{
    private readonly string[][] _phrases;

    public FoldedPhrases(IEnumerable<string> phrases) =>
        _phrases = phrases.Select(p => VietnameseText.Fold(p).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToArray();

    /// <summary>The phrase that <paramref name="words"/> (folded) say from <paramref name="at"/> on, or null.</summary>
    public string[]? At(IReadOnlyList<string> words, int at = 0)
    {
        foreach (var phrase in _phrases)
        {
            if (at + phrase.Length > words.Count) continue;
            var all = true;
            for (var i = 0; i < phrase.Length && all; i++) all = words[at + i] == phrase[i];
            if (all) return phrase;
        }
        return null;
    }
}
