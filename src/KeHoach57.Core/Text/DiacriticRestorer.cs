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
    private readonly Lazy<SyllableRestorer> _restorer;

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

    public string Restore(string text) => _restorer.Value.Restore(text);
}
