namespace KeHoach57.Core.Text.Restoration;

public enum UnitKind
{
    /// <summary>A syllable (maybe OCR-damaged) that restoration may rewrite.</summary>
    Word,
    /// <summary>Digits only: kept, and read as the class "&lt;num&gt;".</summary>
    Number,
    /// <summary>An acronym, a document number's part or a list marker (UBND, 5G, 57-NQ/TW, "a)"): kept as written.</summary>
    Abbreviation,
}

/// <summary>One word of the text as restoration sees it; <see cref="BreakBefore"/> when clause punctuation separates it from the previous one.</summary>
public readonly record struct SyllableUnit(int Start, int End, UnitKind Kind, bool BreakBefore);

/// <summary>
/// Reads text into the units restoration decodes, over <see cref="VietnameseAnalyzer"/>'s tokens: a word
/// the broken font split at a stray glyph is one unit again ("M.t" → Mặt, "m&amp;i" → mới, "th?c" → thực),
/// and what must stay as written is told apart: numbers, acronyms (UBND, KH&amp;CN, DTI, 5G, IoT), the
/// parts of document numbers (57-NQ/TW, 01-CTr/ĐU) and list markers ("a)"). A run of capitals is a
/// heading ("KE HOACH HANH PONG") and is read as words, except for the glossary's abbreviations.
/// </summary>
public static class SyllableReader
{
    private const string InWordGlyphs = ".&?'";
    private const string ClauseBreaks = ".;:!?()[]{}|\n\r\"";

    public static List<SyllableUnit> Read(string text, VietnameseAnalyzer analyzer)
    {
        var tokens = analyzer.Tokenize(text);
        var spans = new List<(int Start, int End)>(tokens.Count);
        var firstTokens = new List<int>(tokens.Count);
        for (var k = 0; k < tokens.Count; k++)
        {
            var (start, end) = (tokens[k].Start, tokens[k].End);
            firstTokens.Add(k);
            // "M.t", "nh.t", "m&i", "th?c", "tht'rc": one glyph between two lower-case letter runs.
            while (k + 1 < tokens.Count && tokens[k + 1].Start == end + 1 && InWordGlyphs.Contains(text[end])
                   && char.IsLower(text[end + 1]) && char.IsLetter(text[end - 1]) && !IsCapitals(text, start, end)
                   && tokens[k + 1].End - start <= 8)
                end = tokens[++k].End;
            spans.Add((start, end));
        }

        var units = new List<SyllableUnit>(spans.Count);
        for (var k = 0; k < spans.Count; k++)
        {
            var (start, end) = spans[k];
            var breakBefore = k == 0 || text.AsSpan(spans[k - 1].End, start - spans[k - 1].End).IndexOfAny(ClauseBreaks) >= 0;
            units.Add(new SyllableUnit(start, end, Classify(text, spans, k, tokens, firstTokens[k], analyzer), breakBefore));
        }
        return units;
    }

    private static UnitKind Classify(string text, List<(int Start, int End)> spans, int k, List<Token> tokens, int tokenIndex, VietnameseAnalyzer analyzer)
    {
        var (start, end) = spans[k];
        int letters = 0, digits = 0, upper = 0, lower = 0;
        for (var p = start; p < end; p++)
        {
            var c = text[p];
            if (char.IsDigit(c)) digits++;
            else if (IsLetterLike(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
                else lower++;
            }
        }
        if (letters == 0) return UnitKind.Number;
        // "5G", "QH15": capitals with digits; "s6", "d6i", "1ap", and a capital and a digit-for-vowel ("B6 tri", "X4"): a damaged syllable.
        var capitalAndVowel = letters == 1 && digits == 1 && char.IsLetter(text[start]);
        if (digits > 0 && !capitalAndVowel && (lower == 0 || (letters == 1 && char.ToLowerInvariant(text[end - 1]) == 'g'))) return UnitKind.Abbreviation;
        // "a)", "b)": list markers; "I.", "V.": section numbers.
        if (letters == 1 && digits == 0 && end < text.Length && (text[end] == ')' || (text[end] == '.' && upper == 1 && (start == 0 || !char.IsLetter(text[start - 1])))))
            return UnitKind.Abbreviation;
        // Parts of a document number: "57-NQ/TW", "01-CTr/ĐU", "344/TTr-VHXH".
        if (upper > 0 && (Attached(text, start - 1, -1) || (end < text.Length && text[end] == '/')))
            return UnitKind.Abbreviation;
        // The glossary's abbreviations, written with a capital (its OCR repair reads "GDP" as "gop", the word "góp").
        if (upper > 0 && tokens[tokenIndex].End == end && analyzer.AbbreviationAt(text, tokens, tokenIndex) is not null)
            return UnitKind.Abbreviation;
        if (letters >= 2 && upper > 0 && char.IsUpper(FirstLetter(text, start, end)))
        {
            var allCaps = lower == 0;
            var acronym = allCaps || char.IsUpper(SecondLetter(text, start, end)) || char.IsUpper(LastLetter(text, start, end));
            if (acronym && !(allCaps && InHeading(text, spans, k))) return UnitKind.Abbreviation;
        }
        return UnitKind.Word;
    }

    /// <summary>Whether the char at <paramref name="at"/> is '/' or '-' glued to a letter or digit before it.</summary>
    private static bool Attached(string text, int at, int direction)
    {
        if (at < 1 || at >= text.Length || text[at] is not ('/' or '-')) return false;
        var before = at + direction;
        return before >= 0 && before < text.Length && char.IsLetterOrDigit(text[before]);
    }

    /// <summary>A capitals word next to another capitals word with only spaces between: a heading, not an acronym.</summary>
    private static bool InHeading(string text, List<(int Start, int End)> spans, int k) =>
        (k > 0 && CapitalsNeighbour(text, spans[k - 1], spans[k].Start))
        || (k + 1 < spans.Count && CapitalsNeighbour(text, spans[k + 1], spans[k].End, after: true));

    private static bool CapitalsNeighbour(string text, (int Start, int End) other, int edge, bool after = false)
    {
        var (gapStart, gapEnd) = after ? (edge, other.Start) : (other.End, edge);
        for (var p = gapStart; p < gapEnd; p++) if (text[p] != ' ') return false;
        if (!IsCapitals(text, other.Start, other.End)) return false;
        for (var p = other.Start; p < other.End; p++) if (char.IsDigit(text[p])) return false;
        return true;
    }

    private static bool IsCapitals(string text, int start, int end)
    {
        var letters = 0;
        for (var p = start; p < end; p++)
        {
            if (!char.IsLetter(text[p])) continue;
            if (char.IsLower(text[p])) return false;
            letters++;
        }
        return letters >= 2;
    }

    /// <summary>A letter, or a glyph this OCR prints for one ("¢" for ê, "¥" for y).</summary>
    private static bool IsLetterLike(char c) => char.IsLetter(c) || OcrChannel.FoldChar(c) is >= 'a' and <= 'z';

    private static char FirstLetter(string text, int start, int end)
    {
        for (var p = start; p < end; p++) if (IsLetterLike(text[p])) return text[p];
        return ' ';
    }

    private static char SecondLetter(string text, int start, int end)
    {
        var seen = false;
        for (var p = start; p < end; p++)
            if (IsLetterLike(text[p]))
            {
                if (seen) return text[p];
                seen = true;
            }
        return ' ';
    }

    private static char LastLetter(string text, int start, int end)
    {
        for (var p = end - 1; p >= start; p--) if (IsLetterLike(text[p])) return text[p];
        return ' ';
    }
}
