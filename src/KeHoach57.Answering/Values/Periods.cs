using System.Text.RegularExpressions;

namespace KeHoach57.Answering.Values;

/// <summary>A reporting period: monthly, quarterly, half-yearly or yearly.</summary>
public enum Period { None, Month, Quarter, HalfYear, Year }

/// <summary>
/// The reporting period a stretch of folded text names: "báo cáo 6 tháng" (half-yearly), "báo cáo quý",
/// "ngày 20 hằng tháng", "cả năm", "12 tháng", tolerating this OCR's vowels ("hing nam", "thang cudi Quy").
/// A deadline question about one report is answered only by the date set for that report.
/// </summary>
public static partial class Periods
{
    [GeneratedRegex(@"\b(?:0?6|sau)\s+th\w{1,2}ng\b|\bn\w{1,2}a\s+n\w{1,2}m\b")]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"\b(?:h\w{1,2}ng|m\w{1,2}i|cu\w{1,2}i|b\w{1,2}o\s+c\w{1,2}o|0?3)\s+(?:th\w{1,2}ng\s+)?qu\w\b|\bqu\w\s+(?:[ivx]{1,4}|[1-4])\b")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b(?:h\w{1,2}ng|c\w|m\w{1,2}i|cu\w{1,2}i|b\w{1,2}o\s+c\w{1,2}o|0?1)\s+n\w{1,2}m\b(?!\s+\d)|\b12\s+th\w{1,2}ng\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:h\w{1,2}ng|m\w{1,2}i|b\w{1,2}o\s+c\w{1,2}o|0?1)\s+th\w{1,2}ng\b(?!\s+(?:\d|cu\w{1,2}i))")]
    private static partial Regex Month();

    /// <summary>Every period named in <paramref name="folded"/> (folded, lower-case text), as (position, period).</summary>
    public static List<(int At, Period Period)> All(string folded)
    {
        var found = new List<(int, Period)>();
        foreach (Match m in HalfYear().Matches(folded)) found.Add((m.Index, Period.HalfYear));
        foreach (Match m in Quarter().Matches(folded)) found.Add((m.Index, Period.Quarter));
        foreach (Match m in Year().Matches(folded)) found.Add((m.Index, Period.Year));
        foreach (Match m in Month().Matches(folded)) found.Add((m.Index, Period.Month));
        return found.OrderBy(f => f.Item1).ToList();
    }

    /// <summary>The period a question asks about, when it names exactly one.</summary>
    public static Period Of(string folded)
    {
        var all = All(folded).Select(p => p.Period).Distinct().ToList();
        return all.Count == 1 ? all[0] : Period.None;
    }
}
