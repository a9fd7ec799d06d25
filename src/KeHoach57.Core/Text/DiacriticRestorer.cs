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

    /// <param name="modelFile">Where the model extended with <paramref name="referenceTexts"/> is kept between runs (a data
    /// folder's file), or null to build it in memory each time.</param>
    public DiacriticRestorer(VietnameseAnalyzer analyzer, IEnumerable<string>? referenceTexts = null, string? modelFile = null)
    {
        var references = referenceTexts?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList() ?? [];
        // Read on the first answer that needs it, not when the answering side is wired up.
        _restorer = new Lazy<SyllableRestorer>(() =>
        {
            var model = references.Count == 0 ? SyllableModel.Default : Extended(references, analyzer, modelFile);
            return new SyllableRestorer(model, OcrChannel.Default, analyzer);
        });
    }

    /// <summary>
    /// Starts reading the model on a pool thread unless it is read already. A start that kept its clause readings needs the
    /// model only for an answer value or a quote not kept, which most first answers have: read on the other core while the
    /// first question is read, searched and its clause chosen, the answer waits only for what is left of it (the read is
    /// shared: whoever needs it first waits for the same one).
    /// </summary>
    public void Prefetch()
    {
        if (!_restorer.IsValueCreated) _ = Task.Run(() => _restorer.Value);
    }

    /// <summary>
    /// The shipped model with the reference texts' counts added: reading the shipped data file and rebuilding it with them
    /// is a third of a fresh process's first answer, so the result is kept in <paramref name="modelFile"/> (written
    /// atomically) and read back while it was built from the same shipped model, analyzer and texts.
    /// </summary>
    private static SyllableModel Extended(List<string> references, VietnameseAnalyzer analyzer, string? modelFile)
    {
        if (modelFile is null) return SyllableModel.Default.With(references, analyzer);
        var key = ModelKey(references, analyzer);
        try
        {
            if (File.Exists(modelFile))
            {
                using var stream = new FileStream(modelFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                if (SyllableModel.ReadBinary(stream, key) is { } kept) return kept;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        var model = SyllableModel.Default.With(references, analyzer);
        try { AtomicFile.Write(modelFile, stream => model.WriteBinary(stream, key)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return model;
    }

    // This build of the restoration code and its shipped data, the analyzer that reads the texts, and the texts.
    private static string ModelKey(List<string> references, VietnameseAnalyzer analyzer)
    {
        var texts = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', references)));
        return $"{typeof(SyllableModel).Assembly.ManifestModule.ModuleVersionId:N}|{analyzer.Signature}|{Convert.ToHexString(texts)}";
    }

    /// <summary>True when most words carry Vietnamese diacritics: the text is clean Unicode, not OCR that lost them.</summary>
    public static bool IsClean(string text)
    {
        int words = 0, marked = 0;
        var span = text.AsSpan();
        for (var i = 0; i < span.Length;)
        {
            if (char.IsWhiteSpace(span[i])) { i++; continue; }
            var start = i;
            bool letter = false, simple = true, differs = false, foreign = false;
            for (; i < span.Length && !char.IsWhiteSpace(span[i]); i++)
            {
                var c = span[i];
                letter |= char.IsLetter(c);
                foreign |= c is 'ü' or 'ä' or 'ö' or 'ë' or 'j';
                if (FoldsToOne(c, out var folded)) differs |= folded != char.ToLowerInvariant(c);
                else simple = false;
            }
            if (!letter) continue;
            words++;
            // Whether the word's fold differs from its lower case, read char by char when each char folds to one char
            // (then the two strings differ exactly where a char does); otherwise the strings themselves are compared.
            var word = simple ? null : span[start..i].ToString();
            if ((simple ? differs : VietnameseText.Fold(word) != word!.ToLowerInvariant()) && !foreign) marked++;
        }
        return words > 0 && (double)marked / words >= CleanShare;
    }

    // Per char of the Basic Multilingual Plane, filled on first sight: 1 when its fold is one char (kept in FoldedChar), 2 when not.
    private static readonly byte[] FoldWidth = new byte[char.MaxValue + 1];
    private static readonly char[] FoldedChar = new char[char.MaxValue + 1];

    private static bool FoldsToOne(char c, out char folded)
    {
        var width = Volatile.Read(ref FoldWidth[c]);
        if (width == 0)
        {
            var fold = char.IsSurrogate(c) ? "" : VietnameseText.Fold(c.ToString());
            width = fold.Length == 1 ? (byte)1 : (byte)2;
            if (width == 1) FoldedChar[c] = fold[0];
            Volatile.Write(ref FoldWidth[c], width);
        }
        folded = FoldedChar[c];
        return width == 1;
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
