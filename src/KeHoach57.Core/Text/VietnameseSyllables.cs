using System.Text;
using System.Text.RegularExpressions;

namespace KeHoach57.Core.Text;

/// <summary>
/// Whether a word can be a Vietnamese syllable: only Vietnamese letters, at most one tone mark, and an
/// onset–vowel–coda shape ("nghiêng", "quyết", "ưu"). Tells mis-decoded legacy text ("KÕ ho¹ch",
/// "Keá hoaïch") and OCR debris ("thtyc", "Nghj") from words; it does not tell a real word from a
/// well-formed non-word.
/// </summary>
public static partial class VietnameseSyllables
{
    private const string Letters =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";

    private static readonly HashSet<char> LetterSet = [.. Letters];

    public static bool IsSyllable(string word)
    {
        if (word.Length is 0 or > 7) return false;
        var lower = word.ToLowerInvariant();
        foreach (var ch in lower)
            if (!LetterSet.Contains(ch)) return false;
        var tones = 0;
        foreach (var ch in lower.Normalize(NormalizationForm.FormD))
            if (ch is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323') tones++;
        return tones <= 1 && Shape().IsMatch(VietnameseText.Fold(lower));
    }

    /// <summary>The share of the letter-only words of <paramref name="text"/> that are syllables; null when it has none.</summary>
    public static double? Share(string text)
    {
        int words = 0, syllables = 0;
        foreach (Match m in Word().Matches(text))
        {
            words++;
            if (IsSyllable(m.Value)) syllables++;
        }
        return words == 0 ? null : (double)syllables / words;
    }

    /// <summary>Runs of characters between spaces and punctuation: letters, digits and whatever else stands in a word.</summary>
    [GeneratedRegex(@"[^\s\d.,;:!?()\[\]""'/\-–—|]+")]
    private static partial Regex Word();

    [GeneratedRegex("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(uye|uya|oai|oay|oeo|uoi|uou|yeu|ieu|uay|uy|ua|uo|ui|oa|oe|oi|ai|ao|au|ay|eo|eu|ia|ie|iu|oo|ue|ye|[aeiouy])(ng|nh|ch|[cmnptiouy])?$")]
    private static partial Regex Shape();
}
