using System.Globalization;
using System.Text;

namespace KeHoach57.Evaluation.Scoring;

/// <summary>
/// The text rules of the reference scorer (shared/tools/score.py), reproduced character for character:
/// fold, tokens, the evidence rule and the answer cap. Deliberately not
/// <see cref="KeHoach57.Core.Text.VietnameseText.FoldForComparison"/>: that one also repairs this OCR's
/// glyphs (¢→e, ø→o…), which score.py does not, so using it would score some answers differently.
/// Lengths and the cap count code points, as Python's len() and slicing do.
/// </summary>
public static class ScoreText
{
    /// <summary>Characters of the answer that are judged: a dumped passage is not an answer.</summary>
    public const int AnswerCap = 600;

    /// <summary>Share of the evidence's tokens a citation must hold to count as a hit.</summary>
    public const double EvidenceNeed = 0.6;

    /// <summary>score.py fold: NFD, drop combining marks, đ→d, lower case, dashes spaced, whitespace collapsed.</summary>
    public static string Fold(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark) continue;
            var r = rune.Value switch { 'đ' => new Rune('d'), 'Đ' => new Rune('D'), _ => rune };
            r = Rune.ToLowerInvariant(r);
            if (r.Value is '-' or (>= 0x2010 and <= 0x2015))
            {
                // " - " then collapsing: the dash's own spaces merge with any around it.
                pendingSpace = true;
                AppendPending(sb, ref pendingSpace);
                sb.Append('-');
                pendingSpace = true;
                continue;
            }
            if (r.IsBmp && IsPythonSpace((char)r.Value))
            {
                pendingSpace = true;
                continue;
            }
            AppendPending(sb, ref pendingSpace);
            sb.Append(r.ToString());
        }
        return sb.ToString();
    }

    private static void AppendPending(StringBuilder sb, ref bool pendingSpace)
    {
        // Leading whitespace is stripped, trailing whitespace is never appended.
        if (pendingSpace && sb.Length > 0) sb.Append(' ');
        pendingSpace = false;
    }

    /// <summary>Python's str.isspace(): .NET's white space plus the information separators U+001C–U+001F.</summary>
    public static bool IsPythonSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F';

    /// <summary>score.py tokens: runs of [a-z0-9] in the folded text.</summary>
    public static List<string> Tokens(string? text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var word = i < folded.Length && folded[i] is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                tokens.Add(folded[start..i]);
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>A citation hits when at least 60% of the evidence's tokens (with repeats) occur in its text.</summary>
    public static bool EvidenceHit(string? evidence, string? text) =>
        EvidenceShare(Tokens(evidence), Tokens(text).ToHashSet(StringComparer.Ordinal)) >= EvidenceNeed;

    /// <summary>Share of the evidence tokens (with repeats) found in a text's token set; 0 for empty evidence.</summary>
    public static double EvidenceShare(IReadOnlyList<string> evidence, IReadOnlySet<string> textTokens) =>
        evidence.Count == 0 ? 0 : (double)evidence.Count(textTokens.Contains) / evidence.Count;

    /// <summary>True when every group has one alternative inside the folded head of the answer.</summary>
    public static bool AnswerMatches(IEnumerable<IReadOnlyList<string>> answerAny, string? answer)
    {
        var head = Fold(Head(answer ?? "", AnswerCap));
        return answerAny.All(group => group.Any(alt => head.Contains(Fold(alt), StringComparison.Ordinal)));
    }

    /// <summary>The first <paramref name="codePoints"/> code points, as Python's s[:n].</summary>
    public static string Head(string text, int codePoints)
    {
        if (text.Length <= codePoints) return text;
        var units = 0;
        var count = 0;
        while (units < text.Length && count < codePoints)
        {
            units += char.IsSurrogatePair(text, units) ? 2 : 1;
            count++;
        }
        return text[..units];
    }

    /// <summary>Python's len(): surrogate pairs count once.</summary>
    public static int CodePointLength(string text)
    {
        var n = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
            if (char.IsSurrogatePair(text[i], text[i + 1])) { n--; i++; }
        return n;
    }
}
