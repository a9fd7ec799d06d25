using System.Runtime.CompilerServices;

namespace KeHoach57.Core.Text;

/// <summary>
/// Edit distance weighted by how this corpus's OCR damages Vietnamese: vowels swap for each other
/// (diacritics misread: "nim" for "năm"), vowels get dropped (the broken font: "hin" for "hiện",
/// "dng" for "động"), "d" stands for a lost "ơ"/"á" ("trudc", "cdo"), "g" for the "ơ" of "ươ" ("dugc") and "p" for "Đ".
/// Consonant changes cost a full edit, so "cao" never meets "cho". The glyph confusions restoration reads
/// (Restoration/ocr-confusions.tsv: "ti" or "ii" for "ủ", "1i" for "ụ", "ith" for "ươ") are cheap edits here too, as a term shows them.
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
        <= 1 => 0,
        // Only a cheap confusion of the table ("vii" for "vụ", "cci" for "cơ"): a dropped or swapped vowel leaves too little to tell.
        2 => 0.25,
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

    /// <summary>
    /// The cost of reading <paramref name="a"/> (a folded word as written) printed as <paramref name="b"/> (a folded term of
    /// the text, as the analyzer repaired it); above <paramref name="limit"/> any value above it is returned.
    /// </summary>
    public static double Between(string a, string b, double limit = double.MaxValue)
    {
        if (a == b) return 0;
        // Every extra letter costs at least a vowel gap or its share of a confusion's cost: a cheap bound that skips most of the lexicon.
        if (Math.Abs(a.Length - b.Length) * Confusions.CheapestPerExtraLetter > limit) return limit + 1;
        var w = b.Length + 1;
        var size = (a.Length + 1) * w;
        // The whole table, not two rows: a confusion of several letters ("ti" printed for "u") reads back more than one row.
        Span<double> d = size <= 1024 ? stackalloc double[size] : new double[size];
        d[0] = 0;
        // Each printed letter's gap, worked out once per column instead of once per cell (this runs for every token a
        // question's words are compared with).
        Span<double> gapB = b.Length <= 128 ? stackalloc double[b.Length] : new double[b.Length];
        for (var j = 1; j <= b.Length; j++)
        {
            gapB[j - 1] = Gap(b[j - 1]);
            d[j] = d[j - 1] + gapB[j - 1];
        }
        var longest = Confusions.LongestLetters;
        // A term with no vowel ("tw" of "57-NQ/TW", "ub") is an abbreviation as often as a damaged word: one consonant printed
        // for a vowel is read as such only in a term that kept a vowel ("tii" for "tư", not "tw"). A longer sequence of the
        // table ("str" for "sư", "vll" for "vụ") is no abbreviation's spelling.
        var voiced = false;
        foreach (var c in b) voiced |= VietnameseText.IsVowel(c);
        // The last rows' least costs: a confusion may step over rows, so only when all of them exceed the limit is it out of reach.
        Span<double> rowMins = stackalloc double[longest];
        for (var i = 1; i <= a.Length; i++)
        {
            var row = i * w;
            var above = row - w;
            var x = a[i - 1];
            var gapA = Gap(x);
            d[row] = d[above] + gapA;
            var rowMin = d[row];
            for (var j = 1; j <= b.Length; j++)
            {
                var y = b[j - 1];
                var cost = Math.Min(d[above + j] + gapA, d[row + j - 1] + gapB[j - 1]);
                cost = Math.Min(cost, d[above + j - 1] + Substitution(x, y, j == 1, voiced));
                if (Confusions.RulesEndingIn(y) is { } rules)
                    foreach (var r in rules)
                    {
                        if (r.Printed.Length > j || r.Letters.Length > i || (r.Printed.Length == 1 && r.Letters.Length == 1)) continue;
                        var at = j - r.Printed.Length;
                        if (!(at == 0 ? r.AtStart : r.Inner)) continue;
                        if (!b.AsSpan(at, r.Printed.Length).SequenceEqual(r.Printed) || !a.AsSpan(i - r.Letters.Length, r.Letters.Length).SequenceEqual(r.Letters)) continue;
                        cost = Math.Min(cost, d[(i - r.Letters.Length) * w + at] + r.Cost);
                    }
                d[row + j] = cost;
                if (cost < rowMin) rowMin = cost;
            }
            rowMins[i % longest] = rowMin;
            if (i >= longest)
            {
                var reachable = false;
                foreach (var m in rowMins) reachable |= m <= limit;
                if (!reachable) return rowMin;
            }
        }
        return d[a.Length * w + b.Length];
    }

    /// <summary>
    /// The confusions of ocr-confusions.tsv (the table restoration reads) as a term shows them: each row printed in letters
    /// and digits is put through the analyzer's own repair, at a term's start and after a consonant or a vowel, so "1i"
    /// for "ụ" is met as "li" in "vli" (v1i, vụ) and as "ii" in "miic" (mi1c, mục); its letters are folded. Rows the repair
    /// already undoes ("ir" for "ư", "6" for "ô") leave nothing to add, and glyphs the fold turns into plain letters
    /// ("ü", "ç", "é") are left out: in a term they can no longer be told from the letter itself.
    /// </summary>
    private static class Confusions
    {
        public readonly record struct Rule(string Printed, string Letters, double Cost, bool AtStart, bool Inner);

        public static readonly Dictionary<char, Rule[]> ByLastPrinted;
        public static readonly Dictionary<(char Printed, char Letter), (double Start, double Inner)> Single = new();
        /// <summary>The most word letters one rule reads (at least 1).</summary>
        public static readonly int LongestLetters = 1;
        /// <summary>The least a letter more on one side than the other costs: a vowel gap, or less as part of a confusion ("ii" for "u").</summary>
        public static readonly double CheapestPerExtraLetter = VowelGap;

        static Confusions()
        {
            var analyzer = new VietnameseAnalyzer();
            var cheapest = new Dictionary<(string Printed, string Letters, bool AtStart), double>();
            foreach (var (source, letters, cost, where) in Restoration.OcrChannel.DefaultRows)
            {
                if (!source.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')) continue;
                var folded = VietnameseText.Fold(letters);
                // What comes before decides the repair: a "1" opening a term is "l", after a vowel "i".
                foreach (var before in (ReadOnlySpan<string>)["", "b", "a"])
                {
                    if (before.Length == 0 ? where == "inner" : where == "start") continue;
                    var term = analyzer.NormalizeWord(before + source);
                    if (term.Length != before.Length + source.Length || !term.StartsWith(before, StringComparison.Ordinal)) continue;
                    var printed = term[before.Length..];
                    if (folded.Length == 0 || printed == folded || !printed.All(c => c is >= 'a' and <= 'z')) continue;
                    var key = (printed, folded, before.Length == 0);
                    cheapest[key] = Math.Min(cheapest.GetValueOrDefault(key, double.MaxValue), cost);
                }
            }
            var rules = new List<Rule>();
            foreach (var ((printed, letters, atStart), cost) in cheapest)
            {
                var rule = new Rule(printed, letters, cost, atStart, !atStart);
                rules.Add(rule);
                LongestLetters = Math.Max(LongestLetters, letters.Length);
                if (printed.Length != letters.Length)
                    CheapestPerExtraLetter = Math.Min(CheapestPerExtraLetter, cost / Math.Abs(printed.Length - letters.Length));
                if (printed.Length != 1 || letters.Length != 1) continue;
                var (s, n) = Single.GetValueOrDefault((printed[0], letters[0]), (Full, Full));
                Single[(printed[0], letters[0])] = atStart ? (Math.Min(s, cost), n) : (s, Math.Min(n, cost));
            }
            ByLastPrinted = rules.GroupBy(r => r.Printed[^1]).ToDictionary(g => g.Key, g => g.ToArray());
            foreach (var (last, group) in ByLastPrinted)
                if (last < ByAsciiLastPrinted.Length) ByAsciiLastPrinted[last] = group;
            for (var x = 'a'; x <= 'z'; x++)
                for (var y = 'a'; y <= 'z'; y++)
                    foreach (var first in (ReadOnlySpan<bool>)[false, true])
                        foreach (var voiced in (ReadOnlySpan<bool>)[false, true])
                            LetterSubstitution[LetterIndex(x, y, first, voiced)] = SubstitutionByRules(x, y, first, voiced);
        }

        /// <summary><see cref="ByLastPrinted"/> for the ASCII characters a folded term is made of, read by index.</summary>
        private static readonly Rule[]?[] ByAsciiLastPrinted = new Rule[]?[128];

        /// <summary>Every substitution of one letter a–z for another, by <see cref="LetterIndex"/>.</summary>
        public static readonly double[] LetterSubstitution = new double[26 * 26 * 4];

        public static int LetterIndex(char x, char y, bool first, bool voiced) =>
            (((x - 'a') * 26 + (y - 'a')) << 2) | (first ? 2 : 0) | (voiced ? 1 : 0);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Rule[]? RulesEndingIn(char printed) =>
            printed < ByAsciiLastPrinted.Length ? ByAsciiLastPrinted[printed] : ByLastPrinted.GetValueOrDefault(printed);
    }

    // Inlined: Between reads it at every cell, and the JIT left it a call there.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Gap(char c) => VietnameseText.IsVowel(c) ? VowelGap : Full;

    /// <param name="x">A letter of the word as written.</param>
    /// <param name="y">The letter printed for it.</param>
    /// <param name="first">Whether <paramref name="y"/> opens the printed term.</param>
    /// <param name="voiced">Whether the printed term has a vowel: only then may a consonant of it stand for a vowel by the table.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Substitution(char x, char y, bool first, bool voiced)
    {
        if (x == y) return 0;
        // Letters of a folded term: the cost read from the table worked out once from the rules below.
        if (x is >= 'a' and <= 'z' && y is >= 'a' and <= 'z') return Confusions.LetterSubstitution[Confusions.LetterIndex(x, y, first, voiced)];
        return SubstitutionByRules(x, y, first, voiced);
    }

    private static double SubstitutionByRules(char x, char y, bool first, bool voiced)
    {
        if (x == y) return 0;
        var best = Full;
        if ((voiced || VietnameseText.IsVowel(y)) && Confusions.Single.TryGetValue((y, x), out var rule)) best = first ? rule.Start : rule.Inner;
        var vx = VietnameseText.IsVowel(x);
        var vy = VietnameseText.IsVowel(y);
        if (vx && vy) return Math.Min(best, VowelSwap);
        if ((x == 'd' && vy) || (y == 'd' && vx)) return Math.Min(best, DForVowel);
        // "dugc", "lugng", "chiến lugc": this OCR reads the "ơ" of "ươ" as "g".
        if ((x == 'g' && y == 'o') || (y == 'g' && x == 'o')) return Math.Min(best, DForVowel);
        return best;
    }
}
