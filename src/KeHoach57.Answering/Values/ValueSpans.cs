using System.Text.RegularExpressions;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Values;

public enum ValueKind { Date, Deadline, Period, Percent, Number, DocumentNumber }

/// <summary>A value found in a passage: where it is, and how an answer prints it (proper Vietnamese).</summary>
public sealed record ValueSpan(int Start, int End, ValueKind Kind, string Display)
{
    /// <summary>A figure counted per a base ("15 người … trên 01 vạn dân"): a rate, not how many in all.</summary>
    public bool PerBase { get; init; }
}

/// <summary>
/// Finds dates, deadlines, figures and document numbers in (OCR) text. Patterns run on the
/// offset-preserving folded text and tolerate this OCR's vowel damage ("trudc ngay", "nim 2025",
/// "quy 11/2025" for "quý II/2025"); <see cref="ValueSpan.Display"/> is rebuilt from the parts.
/// </summary>
public static partial class ValueSpans
{
    // OCR-tolerant spellings of the words around dates.
    private const string Truoc = @"tr\w{1,3}c";
    private const string Ngay = @"ng\w{1,2}y";
    private const string Thang = @"th\w{1,2}ng";
    private const string Nam = @"n\w{1,2}m";
    private const string Quy = @"qu[a-z]";

    [GeneratedRegex($@"(?<before>{Truoc}\s+)?{Ngay}\s+(?<d>\d{{1,2}})\s*/\s*(?<m>\d{{1,2}})(?:\s*/\s*(?<y>(?:19|20)\d\d))?(?!\d)")]
    private static partial Regex DaySlashMonth();

    [GeneratedRegex($@"(?<before>{Truoc}\s+)?{Ngay}\s+(?<d>\d{{1,2}})\s+{Thang}\s+(?<m>\d{{1,2}})(?:\s+{Nam}\s+(?<y>(?:19|20)\d\d))?")]
    private static partial Regex DayWordMonth();

    [GeneratedRegex($@"(?<before>{Truoc}\s+)?{Ngay}\s+(?<d>\d{{1,2}})\s+(?<every>h\w{{1,2}}ng\s+{Thang}|{Thang}\s+c\w{{1,3}}i\s+{Quy})")]
    private static partial Regex DayOfPeriod();

    [GeneratedRegex($@"(?<![\d/])(?<d>\d{{1,2}})\s*/\s*(?<m>\d{{1,2}})\s*/\s*(?<y>(?:19|20)\d\d)(?!\d)")]
    private static partial Regex BareFullDate();

    [GeneratedRegex($@"(?:{Thang}\s+)?(?<![\d/])(?<m>\d{{1,2}})\s*/\s*(?<y>(?:19|20)\d\d)(?!\d)|{Thang}\s+(?<m>\d{{1,2}})\s+{Nam}\s+(?<y>(?:19|20)\d\d)")]
    private static partial Regex MonthYear();

    [GeneratedRegex($@"{Quy}\s+(?<q>[ivx1l]{{1,4}}|\d)(?:\s*/\s*(?<y>(?:19|20)\d\d)|\s+{Nam}\s+(?<y>(?:19|20)\d\d))?(?![a-z])")]
    private static partial Regex Quarter();

    [GeneratedRegex($@"(?<pre>(?:trong|d\w{{1,2}}n|h\w{{1,2}}t|cu\w{{1,2}}i)\s+)?{Nam}\s+(?<y>(?:19|20)\d\d)(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex($@"th\w{{1,3}}ng\s+xuy\w{{1,2}}n|h\w{{1,2}}ng\s+{Nam}(?!\s+\d)|{Ngay}\s+k\w(?![a-z])|(?:d\w{{1,2}}nh\s+k\w\s+)?\d\s+{Thang}(?:\s*,\s*\d\s+{Thang})*(?:\s*,\s*\d\s+{Nam})?")]
    private static partial Regex Period();

    // "định kỳ (tháng, quý, 6 tháng, năm)": the periods a recurrence names in brackets, bare or counted.
    private const string PeriodWord = $@"(?:\d{{1,2}}\s+)?(?:{Thang}|{Quy}|{Nam}|tu\w{{1,2}}n)";

    [GeneratedRegex($@"d\w{{1,2}}nh\s+k\w\s*\(\s*(?<list>{PeriodWord}(?:\s*[,;]\s*(?:v\w\s+)?{PeriodWord})+)\s*\)")]
    private static partial Regex PeriodList();

    [GeneratedRegex(@"(?<![\w.,])(?<cmp>[<>≥≤=]\s*|(?:t\w{1,2}i\s+thi\w{1,3}u|t\w{1,2}i\s+da|[ií]t\s+nh\w{1,2}t|tr\w{1,2}n|du\w{1,2}i|kho\w{1,2}ng)\s+)?(?<n>\d+(?:[.,]\d+)?(?:\s*-\s*\d+)?)(?![\w/])(?!\s*-\s*[A-Za-z])(?:\s*(?<pct>%))?")]
    private static partial Regex Figure();

    [GeneratedRegex(@"\bt[yi]?'?\s*$")]
    private static partial Regex TyLe();

    // "Đ" is one of a number's letters ("89/QĐ-TTg" in the clean export), as its OCR readings "P" and "b" are.
    // After "số" the OCR may split the number ("số 1 93/2025/QH1 5" is 193/2025/QH15): a one- or two-digit group
    // there is its head; a symbol may end in its legislature's number ("QH15"), split the same way.
    [GeneratedRegex(@"(?<![\w/])(?<n>(?:(?<=\bs\S{0,2}\s+)\d{1,2}\s(?=\d))?\d{1,5}\s*(?:/\s*\d{4}\s*)?[-/]\s*[a-zđ&]{1,8}(?:\s*[-/]\s*[a-zđ&]{1,8}){0,3}(?:\d{1,2}(?:\s\d(?![\d/]))?)?)(?![a-zđ])", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentNumber();

    private static readonly string[] Roman = ["", "I", "II", "III", "IV"];

    public static List<ValueSpan> Dates(string text)
    {
        var folded = VietnameseAnalyzer.FoldAligned(text).ToLowerInvariant();
        var spans = new List<ValueSpan>();
        foreach (Match m in DaySlashMonth().Matches(folded)) AddDay(m, spans);
        foreach (Match m in DayWordMonth().Matches(folded)) AddDay(m, spans);
        foreach (Match m in DayOfPeriod().Matches(folded))
        {
            var every = m.Groups["every"].Value.StartsWith('h') ? "hằng tháng" : "tháng cuối quý";
            Add(spans, m, ValueKind.Deadline, $"{Before(m)}ngày {Num(m.Groups["d"].Value)} {every}");
        }
        foreach (Match m in BareFullDate().Matches(folded))
            Add(spans, m, ValueKind.Date, $"{Num(m.Groups["d"].Value)}/{Num(m.Groups["m"].Value)}/{m.Groups["y"].Value}");
        foreach (Match m in MonthYear().Matches(folded))
            if (int.TryParse(m.Groups["m"].Value, out var month) && month is >= 1 and <= 12)
                Add(spans, m, ValueKind.Deadline, $"tháng {month}/{m.Groups["y"].Value}");
        foreach (Match m in Quarter().Matches(folded))
        {
            var q = QuarterNumber(m.Groups["q"].Value);
            if (q is < 1 or > 4) continue;
            Add(spans, m, ValueKind.Deadline, m.Groups["y"].Success ? $"quý {Roman[q]}/{m.Groups["y"].Value}" : $"quý {Roman[q]}");
        }
        foreach (Match m in Year().Matches(folded))
        {
            var pre = m.Groups["pre"].Value.Trim();
            var word = pre.StartsWith("trong") ? "trong năm" : pre.StartsWith('d') ? "đến năm" : pre.StartsWith('h') ? "hết năm" : pre.StartsWith('c') ? "cuối năm" : "năm";
            Add(spans, m, ValueKind.Deadline, $"{word} {m.Groups["y"].Value}");
        }
        foreach (Match m in Period().Matches(folded))
        {
            var v = m.Value;
            var named = v.StartsWith("th") ? "thường xuyên" : v.StartsWith('h') ? "hằng năm" : v.StartsWith("ng") ? "ngày ký" : null;
            // "3 tháng, 6 tháng" says how often, not by when: it answers "định kỳ nào", never "trước ngày nào".
            Add(spans, m, named is null ? ValueKind.Period : ValueKind.Deadline, named ?? NormalizePeriod(text.Substring(m.Index, m.Length)));
        }
        foreach (Match m in PeriodList().Matches(folded))
            Add(spans, m, ValueKind.Period, "định kỳ " + string.Join(", ", m.Groups["list"].Value.Split([',', ';']).Select(PeriodName)));
        return RemoveOverlaps(spans);
    }

    public static List<ValueSpan> Figures(string text)
    {
        var folded = VietnameseAnalyzer.FoldAligned(text).ToLowerInvariant();
        var spans = new List<ValueSpan>();
        foreach (Match m in Figure().Matches(folded))
        {
            var n = m.Groups["n"].Value.Replace(" ", "");
            var pct = m.Groups["pct"].Success;
            // "T' 1 phü song", "Ty 1€ …": this OCR prints the "lệ" of "tỷ lệ" as a 1; it is no figure.
            if (n == "1" && !pct && TyLe().IsMatch(folded[Math.Max(0, m.Index - 5)..m.Index])) continue;
            var cmp = Comparator(m.Groups["cmp"].Value.Trim());
            // "13 người … trên 01 vạn dân": "trên" one of a base (rate-bases.tsv) after a figure is the rate's
            // denominator (per ten thousand people), not a figure of its own.
            if (cmp == "trên " && !pct && n.TrimStart('0') == "1" && spans.Count > 0 && RateBase(folded, m.Index + m.Length))
            {
                spans[^1] = spans[^1] with { PerBase = true };
                continue;
            }
            spans.Add(new ValueSpan(m.Index, m.Index + m.Length, pct ? ValueKind.Percent : ValueKind.Number, cmp + n + (pct ? "%" : "")));
        }
        return spans;
    }

    private static readonly FoldedPhrases RateBases = new(Core.Text.DataLines
        .Read(Core.Text.DataLines.ReadEmbedded(typeof(ValueSpans).Assembly, "KeHoach57.Answering.Values.rate-bases.tsv"))
        .Select(l => l.Field(0)));

    /// <summary>Whether a question's folded words name a rate's base anywhere ("… trên 1 vạn dân", "mỗi nghìn người").</summary>
    public static bool NamesRateBase(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
            if (RateBases.At(words, i) is not null) return true;
        return false;
    }

    /// <summary>Whether the words of <paramref name="folded"/> from <paramref name="at"/> on name a rate's base ("vạn dân").</summary>
    private static bool RateBase(string folded, int at) =>
        RateBases.At(folded[at..Math.Min(folded.Length, at + 40)].Split((char[])[' ', ',', '.', ';', ')'], StringSplitOptions.RemoveEmptyEntries)) is not null;

    public static List<ValueSpan> DocumentNumbers(string text)
    {
        var spans = new List<ValueSpan>();
        foreach (Match m in DocumentNumber().Matches(text))
        {
            var value = Regex.Replace(m.Groups["n"].Value, @"\s+", "");
            if (!value.Any(char.IsLetter)) continue;
            spans.Add(new ValueSpan(m.Index, m.Index + m.Length, ValueKind.DocumentNumber, RepairDocumentNumber(value)));
        }
        return spans;
    }

    /// <summary>"QP", "Qb", "QB" are this OCR's "QĐ", "PU" its "ĐU", "KHITU"/"KHIPU" its "KH/TU"/"KH/ĐU".</summary>
    private static string RepairDocumentNumber(string value)
    {
        var v = Regex.Replace(value, @"(?<=[-/])Q[PbB](?=[-/]|$)", "QĐ");
        v = Regex.Replace(v, @"(?<=[-/])(?:bU|PU)(?=[-/]|$)", "ĐU");
        v = Regex.Replace(v, @"(?<=KH)I(?=TU|ĐU|PU)", "/");
        v = Regex.Replace(v, @"/PU$", "/ĐU");
        return v.Replace("BCDTW", "BCĐTW");
    }

    private static void AddDay(Match m, List<ValueSpan> spans)
    {
        if (!int.TryParse(m.Groups["d"].Value, out var d) || !int.TryParse(m.Groups["m"].Value, out var mo) || d is < 1 or > 31 || mo is < 1 or > 12) return;
        var date = m.Groups["y"].Success ? $"{d}/{mo}/{m.Groups["y"].Value}" : $"{d}/{mo}";
        Add(spans, m, m.Groups["before"].Success ? ValueKind.Deadline : ValueKind.Date, $"{Before(m)}ngày {date}");
    }

    private static string Before(Match m) => m.Groups["before"].Success ? "trước " : "";

    private static void Add(List<ValueSpan> spans, Match m, ValueKind kind, string display) =>
        spans.Add(new ValueSpan(m.Index, m.Index + m.Length, kind, display));

    private static string Num(string s) => int.TryParse(s, out var n) ? n.ToString() : s;

    private static int QuarterNumber(string q) => q switch
    {
        "1" or "i" or "l" => 1,
        "2" or "ii" or "11" or "il" or "li" or "ll" => 2,
        "3" or "iii" or "111" or "lll" => 3,
        "4" or "iv" or "1v" or "lv" => 4,
        _ => 0,
    };

    /// <summary>One bracketed period, folded ("6 thang", "quy", "ndm"), in proper form.</summary>
    private static string PeriodName(string folded)
    {
        var item = Regex.Replace(folded.Trim(), @"^v\w\s+", "");
        var count = Regex.Match(item, @"^\d{1,2}");
        var word = item[count.Length..].Trim();
        var name = word.StartsWith("th") ? "tháng" : word.StartsWith("qu") ? "quý" : word.StartsWith("tu") ? "tuần" : "năm";
        return count.Success ? $"{Num(count.Value)} {name}" : name;
    }

    private static string NormalizePeriod(string source)
    {
        var folded = VietnameseText.Fold(source);
        var parts = Regex.Matches(folded, @"(\d)\s+(th\w{1,2}ng|n\w{1,2}m)").Select(p => p.Groups[1].Value + (p.Groups[2].Value.StartsWith("th") ? " tháng" : " năm"));
        var list = string.Join(", ", parts);
        return folded.StartsWith('d') ? "định kỳ " + list : list;
    }

    private static string Comparator(string cmp) => cmp switch
    {
        "" => "",
        ">" => "trên ",
        "<" => "dưới ",
        "≥" or "=" => "≥ ",
        "≤" => "≤ ",
        _ when cmp.StartsWith('t') && cmp.Contains("thi") => "tối thiểu ",
        _ when cmp.StartsWith('t') && cmp.Contains(" da") => "tối đa ",
        _ when cmp.StartsWith('i') || cmp.StartsWith('í') => "ít nhất ",
        _ when cmp.StartsWith("du") => "dưới ",
        _ when cmp.StartsWith("tr") => "trên ",
        _ => "khoảng ",
    };

    /// <summary>Longer spans win; among equals the earlier one.</summary>
    private static List<ValueSpan> RemoveOverlaps(List<ValueSpan> spans)
    {
        var kept = new List<ValueSpan>();
        foreach (var s in spans.OrderByDescending(s => s.End - s.Start).ThenBy(s => s.Start))
            if (!kept.Any(k => s.Start < k.End && k.Start < s.End)) kept.Add(s);
        return kept.OrderBy(s => s.Start).ToList();
    }
}
