using System.Collections.Concurrent;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Core.Text;

/// <summary>
/// Reads OCR-damaged Vietnamese back into its proper spelling for display ("quan ly mdi trudng" →
/// "quản lý môi trường"): the answering side's door to <see cref="SyllableRestorer"/>, with the shipped
/// syllable model plus any clean reference text the caller knows (unit names). Quotes in citations are
/// never restored.
/// </summary>
public sealed class DiacriticRestorer
{
    private const double CleanShare = 0.5;
    private const int CacheLimit = 4096;
    private const int MaxCachedLength = 4000;
    private readonly Lazy<SyllableRestorer> _restorer;
    private readonly ConcurrentDictionary<string, string> _restored = new(StringComparer.Ordinal);

    public DiacriticRestorer(VietnameseAnalyzer analyzer, IEnumerable<string>? referenceTexts = null)
    {
        var references = referenceTexts?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList() ?? [];
        // Read on the first answer that needs it, not when the answering side is wired up.
        _restorer = new Lazy<SyllableRestorer>(() =>
        {
            var model = references.Count == 0 ? SyllableModel.Default : SyllableModel.Default.With(references, analyzer);
            return new SyllableRestorer(model, OcrChannel.Default, analyzer);
        });
    }

    /// <summary>True when most words carry Vietnamese diacritics: the text is clean Unicode, not OCR that lost them.</summary>
    public static bool IsClean(string text)
    {
        int words = 0, marked = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!word.Any(char.IsLetter)) continue;
            words++;
            if (VietnameseText.Fold(word) != word.ToLowerInvariant() && !word.Any(c => c is 'ü' or 'ä' or 'ö' or 'ë' or 'j')) marked++;
        }
        return words > 0 && (double)marked / words >= CleanShare;
    }

    /// <summary>An answer restores the same clause for its lead and its quote, and popular clauses come back: keep the last few thousand.</summary>
    public string Restore(string text)
    {
        if (text.Length > MaxCachedLength) return _restorer.Value.Restore(text);
        if (_restored.TryGetValue(text, out var cached)) return cached;
        var restored = _restorer.Value.Restore(text);
        if (_restored.Count >= CacheLimit) _restored.Clear();
        _restored.TryAdd(text, restored);
        return restored;
    }
}
