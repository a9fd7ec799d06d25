using System.Globalization;
using System.Text;

namespace KeHoach57.Core.Text;

/// <summary>
/// Character-level Vietnamese text handling shared by import, indexing, querying and scoring.
/// Folding here is the same as the eval's reference scorer, so "matches after folding" means one thing.
/// </summary>
public static class VietnameseText
{
    /// <summary>NFC, with the OCR's typographic debris (ligatures, odd spaces, curly quotes) made plain.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            // Noncharacters and unpaired surrogates are no text at all (pasted binary, a cut emoji) and would make the
            // Unicode normalization below throw: they are dropped, so hostile input is read as the words around it.
            if (ch is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF') continue;
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(ch).Append(text[++i]); }
                continue;
            }
            if (char.IsLowSurrogate(ch)) continue;
            switch (ch)
            {
                case '\uFB01': sb.Append("fi"); break;
                case '\uFB02': sb.Append("fl"); break;
                case '\uFB00': sb.Append("ff"); break;
                case '\u00A0' or '\u2007' or '\u202F' or '\t': sb.Append(' '); break;
                // Invisible marks (soft hyphen, zero-width space/joiners, BOM, bidi controls, word joiner …)
                // would split or glue words differently in a question and in the passage it should match.
                case var f when char.GetUnicodeCategory(f) == System.Globalization.UnicodeCategory.Format: break;
                case '\u2018' or '\u2019' or '\u201B': sb.Append('\''); break;
                case '\u201C' or '\u201D': sb.Append('"'); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Lower case, no diacritics, đ→d: "Báo cáo" and the OCR'd "bao céo" both become "bao cao"-like.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        // Plain ASCII (most of the OCR'd plans) has no marks to drop and no letters to map: lower case is the fold.
        if (Ascii.IsValid(text)) return text.ToLowerInvariant();
        return FoldByChar(text) ?? FoldWhole(text);
    }

    /// <summary>The decomposition and the rest of <see cref="Fold"/> on the text as a whole.</summary>
    private static string FoldWhole(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                // Glyphs this OCR emits for Vietnamese vowels and letters.
                '¢' or '€' or '£' => 'e',
                '¥' => 'y',
                'ı' => 'i',
                'ł' => 'l',
                'ø' => 'o',
                '©' => 'c',
                _ => ch,
            };
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    // Each char's fold alone, when the text's fold is the chars' folds one after the other: null until met, Unfoldable
    // when it may not be (a combining mark, a half of a surrogate pair, what decomposition refuses).
    private static readonly string?[] CharFolds = new string?[char.MaxValue + 1];
    private static readonly string Unfoldable = new('\uFFFF', 2);

    /// <summary>
    /// <see cref="FoldWhole"/> char by char: a text of precomposed letters, digits and punctuation decomposes into each
    /// char's own decomposition in turn (canonical reordering only moves combining marks past one another, and here
    /// every char starts with a base), so its fold is the folds of its chars. Null when a char is not of that kind.
    /// The index build folds every chunk for its dates, and a decomposition of the whole text was a sixth of it.
    /// </summary>
    private static string? FoldByChar(string text)
    {
        // Almost every char folds to one char: those go into a buffer of the text's length, the rest (a char that folds to
        // none or several) through a builder.
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        StringBuilder? sb = null;
        foreach (var c in text)
        {
            var folded = CharFolds[c] ??= CharFold(c);
            if (ReferenceEquals(folded, Unfoldable)) return null;
            if (sb is null && folded.Length == 1) { buffer[n++] = folded[0]; continue; }
            sb ??= new StringBuilder(text.Length + 8).Append(buffer[..n]);
            sb.Append(folded);
        }
        return sb?.ToString() ?? new string(buffer[..n]);
    }

    private static string CharFold(char c)
    {
        if (char.IsSurrogate(c) || IsMark(c)) return Unfoldable;
        var alone = c.ToString();
        try
        {
            var decomposed = alone.Normalize(NormalizationForm.FormD);
            return IsMark(decomposed[0]) ? Unfoldable : FoldWhole(alone);
        }
        catch (ArgumentException)
        {
            return Unfoldable;
        }

        static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>Folds and spaces dashes and whitespace exactly as the eval scorer does, for answer comparison.</summary>
    public static string FoldForComparison(string? text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length + 8);
        foreach (var ch in folded)
        {
            if (ch is '-' or (>= '\u2010' and <= '\u2015')) sb.Append(" - ");
            else sb.Append(ch);
        }
        return CollapseSpaces(sb.ToString());
    }

    public static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>
    /// One tone placement for the open syllables that Vietnamese writes two ways ("hoá"/"hóa",
    /// "thuỷ"/"thủy", "khoẻ"/"khỏe"): the mark goes on the first vowel, as the plans' titles write it.
    /// Everything else is returned as is.
    /// </summary>
    public static string NormalizeTonePlacement(string syllable)
    {
        if (syllable.Length < 2) return syllable;
        var decomposed = syllable.Normalize(NormalizationForm.FormD);
        var tone = '\0';
        var bare = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (ch is '\u0300' or '\u0301' or '\u0309' or '\u0303' or '\u0323') tone = ch;
            else bare.Append(ch);
        }
        if (tone == '\0') return syllable;
        var letters = bare.ToString().Normalize(NormalizationForm.FormC);
        var n = letters.Length;
        var lower = letters.ToLowerInvariant();
        var open = lower.EndsWith("oa", StringComparison.Ordinal) || lower.EndsWith("oe", StringComparison.Ordinal)
            || (lower.EndsWith("uy", StringComparison.Ordinal) && (n < 3 || lower[n - 3] != 'q'));
        if (!open) return syllable;
        return (letters[..(n - 2)] + (letters[n - 2] + tone.ToString()).Normalize(NormalizationForm.FormC) + letters[^1])
            .Normalize(NormalizationForm.FormC);
    }

    public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>
    /// A word's letters and its marks, whatever the tone's position: "hòa" and "hoà" give one key, "giá" and
    /// "gia" two. Text typed with diacritics is compared by this key, so "quốc gia" never reads as "giá".
    /// </summary>
    public static string MarkKey(string word)
    {
        if (MarkKeys.TryGetValue(word, out var key)) return key;
        key = MarkKeyOf(word);
        // Words, not texts: the keys of a few thousand syllables and words are asked for at every question, each a lower
        // casing and a decomposition. Bounded, so questions of made-up words cannot grow it for ever.
        if (MarkKeys.Count < MarkKeyMemo) MarkKeys.TryAdd(word, key);
        return key;
    }

    private const int MarkKeyMemo = 50_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> MarkKeys = new(StringComparer.Ordinal);

    private static string MarkKeyOf(string word)
    {
        // Plain ASCII decomposes into itself and has no marks.
        if (Ascii.IsValid(word)) return string.Concat(word.ToLowerInvariant(), "|");
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        Span<char> buffer = decomposed.Length <= 128 ? stackalloc char[decomposed.Length * 2 + 1] : new char[decomposed.Length * 2 + 1];
        var letters = buffer[..decomposed.Length];
        var marks = buffer[decomposed.Length..^1];
        int l = 0, m = 0;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) marks[m++] = ch;
            else if (ch == 'đ') { letters[l++] = 'd'; marks[m++] = 'đ'; }
            else letters[l++] = ch;
        }
        marks[..m].Sort();
        var key = buffer[..(l + 1 + m)];
        marks[..m].CopyTo(key[(l + 1)..]);
        key[l] = '|';
        return new string(key);
    }

    /// <summary>
    /// Whether a question was typed with diacritics (at least two marked words, or a fifth of them): then
    /// its unmarked words are meant unmarked ("sau" is "after", not "sáu").
    /// </summary>
    public static bool TypedWithMarks(IReadOnlyCollection<string> words)
    {
        // A plain ASCII word folds to its lower case: only the others need both worked out.
        var marked = 0;
        foreach (var w in words)
            if (!Ascii.IsValid(w) && Fold(w) != w.ToLowerInvariant()) marked++;
        return marked >= 2 || marked > 0 && marked * 5 >= words.Count;
    }
}
