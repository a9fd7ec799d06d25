using System.Text;
using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Evaluation.Restoration;

/// <summary>
/// Damages clean Vietnamese the way the diacritic-lost plans' OCR did, for the held-out measurement's
/// second row: every diacritic is lost, and some syllables also take one of the OCR's systematic
/// confusions (ô → 6 "đổi" → "d6i", â/ã → 3/4 "xã" → "x3", ị → j, Đ → P, ư → ir "chức" → "chirc",
/// the ơ of ươ → g "được" → "dugc", ớ/ơ → d "trước" → "trudc", ê → é "kế" → "ké"). Seeded, so the
/// same text gets the same damage every run.
/// </summary>
public static class SyntheticOcr
{
    public static string Damage(string clean, VietnameseAnalyzer analyzer, int seed)
    {
        var random = new Random(seed);
        return MapWords(clean, analyzer, word => DamageSyllable(word, random));
    }

    /// <summary>Every diacritic off, case kept: the plain row of the held-out measurement.</summary>
    public static string StripDiacritics(string clean, VietnameseAnalyzer analyzer) => MapWords(clean, analyzer, Fold);

    /// <summary>Rewrites each word with <paramref name="map"/>; numbers and acronyms only lose their diacritics.</summary>
    private static string MapWords(string clean, VietnameseAnalyzer analyzer, Func<string, string> map)
    {
        var sb = new StringBuilder(clean.Length);
        var at = 0;
        foreach (var unit in SyllableReader.Read(clean, analyzer))
        {
            var word = clean[unit.Start..unit.End];
            sb.Append(clean, at, unit.Start - at).Append(unit.Kind == UnitKind.Word ? map(word) : Fold(word));
            at = unit.End;
        }
        return sb.Append(clean, at, clean.Length - at).ToString();
    }

    private static string DamageSyllable(string word, Random random)
    {
        var roll = random.NextDouble();
        var lower = word.ToLowerInvariant();
        string? damaged = null;
        var vowelAt = IndexOfAny(lower, "ôốồổỗộ");
        if (damaged is null && vowelAt > 0 && roll < 0.35) damaged = Replace(word, vowelAt, 1, roll < 0.25 ? "6" : "b");
        var horn = -1;
        for (var k = 1; k < lower.Length && horn < 0; k++)
            if ("ơớờởỡợ".Contains(lower[k]) && "ưứừửữự".Contains(lower[k - 1])) horn = k;
        if (damaged is null && horn > 0 && roll < 0.3) damaged = Replace(word, horn, 1, roll < 0.15 ? "g" : "d");
        var a = IndexOfAny(lower, "âãấầẩẫậ");
        if (damaged is null && a > 0 && roll < 0.2) damaged = Replace(word, a, 1, roll < 0.1 ? "3" : "4");
        var i = IndexOfAny(lower, "ị");
        if (damaged is null && i > 0 && roll < 0.4) damaged = Replace(word, i, 1, "j");
        if (damaged is null && word.StartsWith('Đ') && roll < 0.4) damaged = "P" + word[1..];
        var u = IndexOfAny(lower, "ưứừửữự");
        if (damaged is null && u > 0 && roll < 0.3) damaged = Replace(word, u, 1, "ir");
        var e = IndexOfAny(lower, "êếềểễệ");
        if (damaged is null && e > 0 && roll < 0.3) damaged = Replace(word, e, 1, char.IsUpper(word[e]) ? "É" : "é");
        return Fold(damaged ?? word);
    }

    /// <summary>Diacritics off, case and the damage's own glyphs ("é") kept.</summary>
    private static string Fold(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c is 'é' or 'É') { sb.Append(c); continue; }
            var f = OcrChannel.FoldChar(c);
            sb.Append(char.IsUpper(c) ? char.ToUpperInvariant(f) : f);
        }
        return sb.ToString();
    }

    private static string Replace(string word, int at, int length, string with) => word[..at] + with + word[(at + length)..];

    private static int IndexOfAny(string s, string chars) => s.AsSpan().IndexOfAny(chars);
}
