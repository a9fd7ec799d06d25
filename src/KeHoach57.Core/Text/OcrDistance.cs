namespace KeHoach57.Core.Text;

/// <summary>
/// Edit distance weighted by how this corpus's OCR damages Vietnamese: vowels swap for each other
/// (diacritics misread: "nim" for "năm"), vowels get dropped (the broken font: "hin" for "hiện",
/// "dng" for "động"), "d" stands for a lost "ơ"/"á" ("trudc", "cdo"), "g" for the "ơ" of "ươ" ("dugc") and "p" for "Đ".
/// Consonant changes cost a full edit, so "cao" never meets "cho".
/// </summary>
public static class OcrDistance
{
    private const double VowelSwap = 0.35;
    private const double VowelGap = 0.45;
    private const double DForVowel = 0.5;
    private const double Full = 1.0;

    /// <summary>How far apart two folded words may be and still be the same word misread, by query-word length.</summary>
    public static double Threshold(int length) => length switch
    {
        <= 2 => 0,
        3 => 0.5,
        4 => 0.8,
        <= 6 => 1.0,
        _ => 1.3,
    };

    /// <summary>
    /// Whether <paramref name="actual"/> is <paramref name="expected"/> as this OCR may have misread it.
    /// <paramref name="floor"/> lets short words count too ("s" for "số", "di" for "đổi"), which the threshold alone does not.
    /// </summary>
    public static bool SameWord(string expected, string actual, double floor = 0)
    {
        if (expected == actual) return true;
        var threshold = Math.Max(Threshold(expected.Length), floor);
        return Between(expected, actual, threshold) <= threshold;
    }

    /// <summary>
    /// Whether <paramref name="count"/> of <paramref name="words"/>, from <paramref name="from"/>, stand in that order from
    /// token <paramref name="at"/> of <paramref name="tokens"/>, each as <see cref="SameWord"/> reads it.
    /// </summary>
    public static bool SameWordsAt(IReadOnlyList<string> words, int from, int count, IReadOnlyList<Token> tokens, int at, double floor = 0)
    {
        if (at + count > tokens.Count) return false;
        for (var k = 0; k < count; k++)
            if (!SameWord(words[from + k], tokens[at + k].Term, floor)) return false;
        return true;
    }

    public static double Between(string a, string b, double limit = double.MaxValue)
    {
        if (a == b) return 0;
        // Every extra letter costs at least a vowel gap: a cheap bound that skips most of the lexicon.
        if (Math.Abs(a.Length - b.Length) * VowelGap > limit) return limit + 1;
        Span<double> prev = stackalloc double[b.Length + 1];
        Span<double> curr = stackalloc double[b.Length + 1];
        for (var j = 1; j <= b.Length; j++) prev[j] = prev[j - 1] + Gap(b[j - 1]);
        for (var i = 1; i <= a.Length; i++)
        {
            curr[0] = prev[0] + Gap(a[i - 1]);
            var rowMin = curr[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Math.Min(prev[j] + Gap(a[i - 1]), curr[j - 1] + Gap(b[j - 1]));
                cost = Math.Min(cost, prev[j - 1] + Substitution(a[i - 1], b[j - 1]));
                curr[j] = cost;
                if (cost < rowMin) rowMin = cost;
            }
            if (rowMin > limit) return rowMin;
            var swap = prev;
            prev = curr;
            curr = swap;
        }
        return prev[b.Length];
    }

    private static double Gap(char c) => VietnameseText.IsVowel(c) ? VowelGap : Full;

    private static double Substitution(char x, char y)
    {
        if (x == y) return 0;
        var vx = VietnameseText.IsVowel(x);
        var vy = VietnameseText.IsVowel(y);
        if (vx && vy) return VowelSwap;
        if ((x == 'd' && vy) || (y == 'd' && vx)) return DForVowel;
        // "dugc", "lugng", "chiến lugc": this OCR reads the "ơ" of "ươ" as "g".
        if ((x == 'g' && y == 'o') || (y == 'g' && x == 'o')) return DForVowel;
        return Full;
    }
}
