using System.Globalization;
using System.Text.RegularExpressions;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Metadata for a plan nobody curated (a .txt dropped into corpus/): read from the number/place/date line
/// ("Số: 44/KH-UBND Hưng Yên, ngày 03 tháng 3 năm 2025"), the issuer header and the title block.
/// Values stay as the source spells them; what cannot be found stays empty.
/// </summary>
public static partial class MetadataGuesser
{
    private const int HeaderLines = 12;

    public static DocumentInfo Guess(string id, string source, IReadOnlyList<string> lines, IReadOnlyList<PlanSection> sections)
    {
        var top = lines.Select(l => l.Trim()).Where(l => l.Length > 0).Take(HeaderLines).ToList();
        string number = "", date = "", locality = "";
        foreach (var line in top)
        {
            if (NumberLine().Match(line) is not { Success: true } m) continue;
            number = Regex.Replace(m.Groups[1].Value, @"\s+", "");
            var rest = m.Groups[2].Value;
            var comma = rest.IndexOf(',');
            if (comma > 0) locality = rest[..comma].Trim();
            date = IsoDate(VietnameseText.Fold(rest));
            break;
        }
        var issuer = top.Select(Issuer).FirstOrDefault(i => i.Length > 0) ?? "";
        var title = Title(sections);
        return new DocumentInfo(id, title.Length > 0 ? title : id, issuer, number, date, locality, Level(issuer + " " + title), source);
    }

    private static string Issuer(string line)
    {
        var folded = VietnameseText.Fold(line);
        if (!IssuerStart().IsMatch(folded)) return "";
        var motto = folded.IndexOf("cong hoa", StringComparison.Ordinal);
        return (motto > 0 ? line[..motto] : line).Trim();
    }

    /// <summary>The document-kind line and the title under it ("KẾ HOẠCH Thực hiện ..."), or the opening paragraph.</summary>
    private static string Title(IReadOnlyList<PlanSection> sections)
    {
        var first = sections.FirstOrDefault(s => !s.IsSynthetic || s.Blocks.Any(b => b is Paragraph p && !NumberLine().IsMatch(p.Text)));
        if (first is null) return "";
        var lead = first.Blocks.OfType<Paragraph>().Select(p => p.Text).FirstOrDefault(t => !NumberLine().IsMatch(t)) ?? "";
        if (lead.Length > 300) lead = "";
        return first.IsSynthetic ? lead : (first.Heading + " " + lead).Trim();
    }

    private static string Level(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        if (folded.Contains(" xa ") || folded.Contains(" phuong ")) return "xã";
        return folded.Contains(" tinh ") ? "tỉnh" : "";
    }

    private static string IsoDate(string folded)
    {
        if (DateWords().Match(folded) is not { Success: true } m) return "";
        var text = $"{m.Groups[3].Value}-{int.Parse(m.Groups[2].Value):00}-{int.Parse(m.Groups[1].Value):00}";
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : "";
    }

    /// <summary>"Số: 536/QĐ-UBND Trường Giang, ngày …", OCR'd "S6:", "Sb:", "S 261-KHITU".</summary>
    [GeneratedRegex(@"^S\S{0,2}\s*:?\s*(\d+\s*[/-]\s*[\p{L}\d/\-]+)\s+(.*\d{4}.*)$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"ng\S{1,3}\s+(\d{1,2})\s+th\S{2,4}\s+(\d{1,2})\s+n\S{1,3}\s+(\d{4})")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"^(uy ban nhan dan|ubnd|hoi dong nhan dan|tinh uy|dang uy|ban thuong vu)")]
    private static partial Regex IssuerStart();
}
