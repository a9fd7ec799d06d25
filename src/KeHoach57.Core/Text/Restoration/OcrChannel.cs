using System.Globalization;
using System.Text;

namespace KeHoach57.Core.Text.Restoration;

/// <summary>
/// How far an OCR token is from a syllable it may stand for: an edit distance over letters whose
/// cheap edits are this corpus's confusions, read from ocr-confusions.tsv (digits for vowels, "ir" for
/// "ư", the broken font's "&amp;" for "ơ"…), plus lost diacritics and the vowels with two marks that the
/// broken font drops ("quyt" → "quyết"). Same letters with the diacritic lost cost little; two different
/// consonants cost a full edit, so "cao" never meets "cho". It shares <see cref="OcrDistance"/>'s view of
/// the damage, with the diacritics and the multi-letter confusions that restoration needs.
/// </summary>
public sealed class OcrChannel
{
    /// <summary>The cost of a diacritic the OCR lost when no options say otherwise (<see cref="RestorationOptions.LostMarkCost"/>).</summary>
    public const double DefaultLostMark = 0.1;
    private const double WrongMark = 0.25;
    private const double VowelSwap = 0.55;
    private const double Consonant = 1.2;
    private const double DroppedDoubleMark = 0.35;
    private const double DroppedVowel = 0.5;
    private const double ExtraVowel = 0.5;
    private const double ExtraGlyph = 0.6;
    private const double OtherShape = 0.25;
    private const double OtherTone = 0.15;

    private readonly Dictionary<char, Confusion[]> _bySourceStart;
    private readonly double _lostMark;

    private readonly record struct Confusion(string Source, string Letters, double Cost, bool AtStart, bool Inner);

    public OcrChannel(IEnumerable<(string Source, string Letters, double Cost, string Where)> confusions)
        : this(confusions
            .Select(c => new Confusion(c.Source, c.Letters, c.Cost, c.Where is "any" or "start", c.Where is "any" or "inner"))
            .GroupBy(c => c.Source[0])
            .ToDictionary(g => g.Key, g => g.ToArray()), DefaultLostMark)
    {
    }

    private OcrChannel(Dictionary<char, Confusion[]> bySourceStart, double lostMark)
    {
        _bySourceStart = bySourceStart;
        _lostMark = lostMark;
    }

    /// <summary>What a lost diacritic costs ("ho" read as "hồ"): how much a plain reading is preferred to a marked one.</summary>
    public double LostMark => _lostMark;

    /// <summary>The same confusions with another cost for a lost diacritic.</summary>
    public OcrChannel WithLostMark(double cost) => cost == _lostMark ? this : new(_bySourceStart, cost);

    private static readonly Lazy<IReadOnlyList<(string Source, string Letters, double Cost, string Where)>> DefaultTable = new(() =>
        Rows(DataLines.ReadEmbedded(typeof(OcrChannel).Assembly, "KeHoach57.Core.Text.Restoration.ocr-confusions.tsv")));

    private static readonly Lazy<OcrChannel> DefaultChannel = new(() => new OcrChannel(DefaultTable.Value));

    /// <summary>The confusions of this corpus's OCR (ocr-confusions.tsv, embedded).</summary>
    public static OcrChannel Default => DefaultChannel.Value;

    /// <summary>The rows of ocr-confusions.tsv (embedded): what <see cref="OcrDistance"/> reads too, so both see one table.</summary>
    public static IReadOnlyList<(string Source, string Letters, double Cost, string Where)> DefaultRows => DefaultTable.Value;

    public static OcrChannel Parse(string tsv) => new(Rows(tsv));

    private static List<(string Source, string Letters, double Cost, string Where)> Rows(string tsv)
    {
        var rows = new List<(string, string, double, string)>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length < 4 || parts[0].Length == 0 || parts[1].Length == 0
                || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var cost)
                || parts[3] is not ("any" or "start" or "inner"))
                throw new FormatException($"ocr-confusions.tsv: bad line \"{line}\"");
            rows.Add((parts[0], parts[1], cost, parts[3]));
        }
        return rows;
    }

    /// <summary>
    /// The cost of reading <paramref name="source"/> (lower case, as the OCR printed it) as
    /// <paramref name="syllable"/> (lower case, proper spelling); above <paramref name="limit"/> the
    /// exact figure does not matter and any value above it is returned.
    /// </summary>
    public double Cost(string source, string syllable, double limit = double.MaxValue) => Cost(source, syllable, limit, marksFree: false);

    /// <summary>
    /// A lower bound of <see cref="Cost(string, string, double)"/> over every spelling of the folded form
    /// <paramref name="folded"/> ("so" for số, sổ, sở…): diacritics cost nothing. Spellings of a form whose
    /// bound is above the limit need no look.
    /// </summary>
    public double FoldedBound(string source, string folded, double limit = double.MaxValue) => Cost(source, folded, limit, marksFree: true);

    private double Cost(string source, string syllable, double limit, bool marksFree)
    {
        // "é" is the diacritic-lost plans' one mark for any marked e or o: even "vé" for "vé" is only a guess.
        if (source == syllable && !source.Contains('é')) return 0;
        var n = source.Length;
        var m = syllable.Length;
        if (n > 12 || m > 12) return limit + 1;
        Span<char> folded = stackalloc char[m];
        for (var j = 0; j < m; j++) folded[j] = FoldChar(syllable[j]);
        Span<double> d = stackalloc double[(n + 1) * (m + 1)];
        var w = m + 1;
        d[0] = 0;
        for (var j = 1; j <= m; j++) d[j] = d[j - 1] + Dropped(syllable[j - 1], folded[j - 1], marksFree);
        for (var i = 1; i <= n; i++)
        {
            var rowMin = double.MaxValue;
            for (var j = 0; j <= m; j++)
            {
                var best = d[(i - 1) * w + j] + Extra(source[i - 1]);
                if (j > 0)
                {
                    best = Math.Min(best, d[i * w + j - 1] + Dropped(syllable[j - 1], folded[j - 1], marksFree));
                    best = Math.Min(best, d[(i - 1) * w + j - 1] + Substitute(source[i - 1], syllable[j - 1], folded[j - 1], i - 1, marksFree));
                }
                d[i * w + j] = best;
                if (best < rowMin) rowMin = best;
            }
            // Multi-letter confusions end at row i: "ir" → "ư", "cm" → "ơn".
            for (var start = Math.Max(0, i - 3); start < i; start++)
            {
                if (!_bySourceStart.TryGetValue(source[start], out var rules)) continue;
                foreach (var rule in rules)
                {
                    if (rule.Source.Length != i - start || (rule.Source.Length == 1 && rule.Letters.Length == 1)) continue;
                    if (!source.AsSpan(start, i - start).SequenceEqual(rule.Source)) continue;
                    if (!(start == 0 ? rule.AtStart : rule.Inner)) continue;
                    var len = rule.Letters.Length;
                    for (var j = len; j <= m; j++)
                    {
                        var extra = 0.0;
                        for (var k = 0; k < len; k++)
                        {
                            var e = Letter(rule.Letters[k], syllable[j - len + k], folded[j - len + k], marksFree);
                            if (e < 0) { extra = -1; break; }
                            extra += e;
                        }
                        if (extra < 0) continue;
                        var cost = d[start * w + j - len] + rule.Cost + extra;
                        if (cost < d[i * w + j]) d[i * w + j] = cost;
                        if (cost < rowMin) rowMin = cost;
                    }
                }
            }
            // Letters the font dropped may follow a multi-letter confusion in this row ("m&" then the "i" of "mới").
            for (var j = 1; j <= m; j++)
                d[i * w + j] = Math.Min(d[i * w + j], d[i * w + j - 1] + Dropped(syllable[j - 1], folded[j - 1], marksFree));
            if (rowMin > limit) return rowMin;
        }
        return d[n * w + m];
    }

    private double Substitute(char s, char c, char fc, int at, bool marksFree)
    {
        if (s == c) return s == 'é' && !marksFree ? _lostMark : 0;
        var fs = FoldChar(s);
        if (fs == fc && char.IsLetter(s))
        {
            if (marksFree) return 0;
            // "ü", "ä", "ö", "ë": the broken font's dots say nothing about the mark.
            if (s == fs || s is 'ü' or 'ä' or 'ö' or 'ë' or 'ï' or 'é') return _lostMark;
            // Same shape, another tone ("chuyên" for "chuyển", "dôi" for "đổi"): the font lost the tone only.
            return ShapeChar(s) == ShapeChar(c) ? OtherTone : WrongMark;
        }
        var best = double.MaxValue;
        if (_bySourceStart.TryGetValue(s, out var rules))
            foreach (var rule in rules)
                if (rule.Source.Length == 1 && rule.Letters.Length == 1 && (at == 0 ? rule.AtStart : rule.Inner)
                    && Letter(rule.Letters[0], c, fc, marksFree) is var extra and >= 0)
                    best = Math.Min(best, rule.Cost + extra);
        if (best < double.MaxValue) return best;
        if (VietnameseText.IsVowel(fs) && VietnameseText.IsVowel(fc)) return VowelSwap;
        return Consonant;
    }

    /// <summary>A letter of the syllable the OCR did not print: the broken font drops vowels with two marks.</summary>
    private static double Dropped(char c, char fc, bool marksFree)
    {
        if (!VietnameseText.IsVowel(fc)) return Consonant;
        return marksFree || MarkCount(c) >= 2 ? DroppedDoubleMark : DroppedVowel;
    }

    private static double Extra(char s)
    {
        var fs = FoldChar(s);
        if (VietnameseText.IsVowel(fs)) return ExtraVowel;
        return char.IsLetter(s) ? Consonant : ExtraGlyph;
    }

    /// <summary>
    /// The extra cost of a syllable letter <paramref name="c"/> where a confusion says <paramref name="letter"/>,
    /// −1 when the letters differ. A plain letter in the table ("o") stands for any of its forms; one with a
    /// shape mark ("ư", "ô") prefers that shape, one with a tone ("ị") that exact letter.
    /// </summary>
    private double Letter(char letter, char c, char fc, bool marksFree)
    {
        if (FoldChar(letter) != fc) return -1;
        if (letter == c || marksFree) return 0;
        if (letter == FoldChar(letter)) return c == fc ? 0 : _lostMark;
        var shape = ShapeChar(letter);
        if (shape == letter) return ShapeChar(c) == shape ? _lostMark : OtherShape;
        return ShapeChar(c) == shape ? OtherTone : OtherShape;
    }

    private const int Tabled = 0x2000;
    private static readonly char[] Folds = BuildFolds();
    private static readonly byte[] Marks = BuildMarks();
    private static readonly char[] Shapes = BuildShapes();
    private static readonly byte[] Tones = BuildTones();

    private static byte[] BuildTones()
    {
        var table = new byte[Tabled];
        for (var c = 128; c < table.Length; c++)
            foreach (var ch in ((char)c).ToString().Normalize(NormalizationForm.FormD))
                table[c] = ch switch { '\u0300' => 1, '\u0301' => 2, '\u0309' => 3, '\u0303' => 4, '\u0323' => 5, _ => table[c] };
        return table;
    }

    /// <summary>0 for no tone mark, 1–5 for huyền, sắc, hỏi, ngã, nặng.</summary>
    public static int ToneOf(char c) => c < Tabled ? Tones[c] : 0;

    private static char[] BuildShapes()
    {
        var table = new char[Tabled];
        for (var c = 0; c < table.Length; c++)
        {
            var kept = new StringBuilder(2);
            foreach (var ch in ((char)c).ToString().Normalize(NormalizationForm.FormD))
                if (ch is not ('\u0300' or '\u0301' or '\u0309' or '\u0303' or '\u0323')) kept.Append(ch);
            var shape = kept.ToString().Normalize(NormalizationForm.FormC);
            table[c] = shape.Length == 1 ? shape[0] : (char)c;
        }
        return table;
    }

    /// <summary>The letter with its shape marks (circumflex, breve, horn, đ) but not its tone: "ệ" → "ê", "ứ" → "ư".</summary>
    public static char ShapeChar(char c) => c < Tabled ? Shapes[c] : c;

    private static char[] BuildFolds()
    {
        var table = new char[Tabled];
        for (var c = 0; c < table.Length; c++)
        {
            var f = VietnameseText.Fold(((char)c).ToString());
            table[c] = f.Length == 1 ? f[0] : (char)c;
        }
        return table;
    }

    private static byte[] BuildMarks()
    {
        var table = new byte[Tabled];
        for (var c = 128; c < table.Length; c++) table[c] = (byte)CountMarks((char)c);
        return table;
    }

    private static int CountMarks(char c)
    {
        if (c is 'đ' or 'Đ') return 1;
        var marks = 0;
        foreach (var ch in c.ToString().Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) marks++;
        return marks;
    }

    /// <summary>The letter without diacritics, lower case ("ệ" → "e", "đ" → "d").</summary>
    public static char FoldChar(char c) => c < Tabled ? Folds[c] : c;

    /// <summary>How many marks the letter carries: "ệ" two (circumflex and dot), "é" one, "e" none.</summary>
    public static int MarkCount(char c) => c < Tabled ? Marks[c] : CountMarks(c);
}
