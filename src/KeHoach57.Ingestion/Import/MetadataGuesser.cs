using System.Globalization;
using System.Text.RegularExpressions;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Import;

/// <summary>What the header block of an administrative document says about it; "" where it says nothing readable.</summary>
/// <param name="Kind">The document kind in sentence case ("Kế hoạch", "Quyết định").</param>
/// <param name="Place">The place of signing, as on the date line ("Bắc Giang").</param>
public sealed record HeaderMetadata(string Issuer, string Number, string Date, string Place, string Locality, string Kind, string Title, string Level);

/// <summary>
/// Metadata for a plan nobody curated, read from its header block: the issuer above the motto
/// ("ỦY BAN NHÂN DÂN / TỈNH BẮC GIANG"), the number line ("Số: 44/KH-UBND"), the place and date line
/// ("Hưng Yên, ngày 03 tháng 3 năm 2025": on the number line in an OCR export, on its own in a Word
/// header table), the document kind and the title under it. OCR'd spellings are matched after folding
/// ("Sb:", "ngay", "nam"); values stay as the source spells them.
/// </summary>
public static partial class MetadataGuesser
{
    private const int HeaderLines = 14;

    public static DocumentInfo Guess(string id, string source, IReadOnlyList<string> lines, IReadOnlyList<PlanSection> sections)
    {
        var header = Read(lines, sections);
        return new DocumentInfo(id, header.Title.Length > 0 ? header.Title : id, header.Issuer, header.Number, header.Date,
            header.Locality, header.Level, source);
    }

    public static HeaderMetadata Read(IReadOnlyList<string> lines, IReadOnlyList<PlanSection> sections)
    {
        var top = lines.Select(l => l.Trim()).Where(l => l.Length > 0).Take(HeaderLines).ToList();
        string number = "", date = "", place = "";
        foreach (var line in top)
        {
            if (number.Length == 0 && NumberLine().Match(line) is { Success: true } n)
                number = Regex.Replace(n.Groups[1].Value, @"\s+", "");
            if (date.Length == 0 && DateLine().Match(VietnameseText.Fold(line)) is { Success: true } d && IsoDate(d) is { Length: > 0 } iso)
            {
                date = iso;
                // The place is what precedes ", ngày" (after the number, when both share the line).
                var before = line[..d.Groups["word"].Index];
                if (NumberLine().Match(before) is { Success: true } sameLine) before = before[sameLine.Length..];
                place = before.Trim(' ', ',', ':');
            }
        }
        var issuer = Issuer(top);
        var title = Title(sections);
        var kind = Kind(sections);
        return new HeaderMetadata(issuer, number, date, place, Locality(issuer, place), kind, title, Level(issuer + " " + title));
    }

    /// <summary>The issuer's lines above or beside the motto, joined and cut where the motto starts.</summary>
    private static string Issuer(IReadOnlyList<string> top)
    {
        for (var i = 0; i < top.Count; i++)
        {
            // The issuer is set in capitals; "Ủy ban nhân dân xã xây dựng kế hoạch…" in the preamble is not it.
            if (!IssuerStart().IsMatch(VietnameseText.Fold(top[i])) || !MostlyCapitals(WithoutMotto(top[i]))) continue;
            var parts = new List<string> { WithoutMotto(top[i]) };
            // "ỦY BAN NHÂN DÂN" / "TỈNH BẮC GIANG": the unit goes on the next line, in capitals.
            if (i + 1 < top.Count && UnitStart().IsMatch(VietnameseText.Fold(top[i + 1])))
            {
                var unit = WithoutMotto(top[i + 1]);
                if (!unit.Any(char.IsLower)) parts.Add(unit);
            }
            return SentenceCase(string.Join(' ', parts.Where(p => p.Length > 0)));
        }
        return "";
    }

    private static bool MostlyCapitals(string text) => text.Count(char.IsUpper) >= 2 * text.Count(char.IsLower);

    private static string WithoutMotto(string line)
    {
        var folded = VietnameseText.Fold(line);
        var cut = line.Length;
        foreach (var m in new[] { Motto().Match(folded), Republic().Match(folded) })
            if (m.Success) cut = Math.Min(cut, m.Index);
        return line[..cut].Trim();
    }

    /// <summary>"tỉnh Bắc Giang" when the issuer names the unit of the place of signing, else the place itself.</summary>
    private static string Locality(string issuer, string place)
    {
        var unit = UnitPhrase().Match(VietnameseText.Fold(issuer));
        if (unit.Success)
        {
            var phrase = issuer[unit.Index..].Trim();
            if (place.Length == 0 || VietnameseText.Fold(phrase).EndsWith(VietnameseText.Fold(place), StringComparison.Ordinal)) return phrase;
        }
        return place;
    }

    /// <summary>"ỦY BAN NHÂN DÂN TỈNH BẮC GIANG" → "Ủy ban nhân dân tỉnh Bắc Giang": names after a unit word keep their capitals.</summary>
    public static string SentenceCase(string text)
    {
        if (text.Any(char.IsLower)) return text;
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = false;
        for (var i = 0; i < words.Length; i++)
        {
            var folded = VietnameseText.Fold(words[i]);
            if (i == 0 || name) words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
            if (UnitWords.Contains(folded) && !(i + 1 < words.Length && VietnameseText.Fold(words[i + 1]) is "uy" or "doan")) name = true;
        }
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> UnitWords = ["tinh", "xa", "huyen", "phuong", "quan", "thi", "tran", "pho"];

    /// <summary>The document-kind line and the title under it ("Kế hoạch thực hiện ..."), or the opening paragraph.</summary>
    private static string Title(IReadOnlyList<PlanSection> sections)
    {
        // The kind line ("KẾ HOẠCH") opens the title; before it stand only the issuer, number and date.
        var first = sections.Take(3).FirstOrDefault(s => Headings.IsDocumentKind(s.Heading))
                    ?? sections.FirstOrDefault(s => !s.IsSynthetic || s.Blocks.Any(b => b is Paragraph p && !IsHeaderLine(p.Text)));
        if (first is null) return "";
        var lead = first.Blocks.OfType<Paragraph>().Select(p => p.Text).FirstOrDefault(t => !IsHeaderLine(t)) ?? "";
        if (lead.Length > 600) lead = "";
        if (first.IsSynthetic) return lead;
        return lead.Length == 0 ? SentenceCase(first.Heading) : SentenceCase(first.Heading) + " " + LowerFirst(lead);
    }

    private static string Kind(IReadOnlyList<PlanSection> sections) =>
        sections.FirstOrDefault(s => Headings.IsDocumentKind(s.Heading)) is { } kind ? SentenceCase(kind.Heading) : "";

    private static bool IsHeaderLine(string text) => NumberLine().IsMatch(text) || DateLine().IsMatch(VietnameseText.Fold(text));

    /// <summary>"Thực hiện Nghị quyết" → "thực hiện Nghị quyết" after the kind; a word in capitals ("UBND") stays.</summary>
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string Level(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        if (folded.Contains(" xa ") || folded.Contains(" phuong ")) return "xã";
        return folded.Contains(" tinh ") ? "tỉnh" : "";
    }

    private static string IsoDate(Match m)
    {
        var text = $"{m.Groups["year"].Value}-{int.Parse(m.Groups["month"].Value):00}-{int.Parse(m.Groups["day"].Value):00}";
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : "";
    }

    /// <summary>"Số: 536/QĐ-UBND", OCR'd "S6:", "Sb:", "S 261-KHITU".</summary>
    [GeneratedRegex(@"^S\S{0,2}\s*:?\s*(\d+\s*[/-]\s*[\p{L}\d/\-]+)")]
    private static partial Regex NumberLine();

    /// <summary>"ngày 03 tháng 3 năm 2025", folded and OCR'd ("ngay 10 thang 9 ndm 2025"); the group "word" is "ngày".</summary>
    [GeneratedRegex(@"(?<word>ng\S{1,3})\s+(?<day>\d{1,2})\s+th\S{2,4}\s+(?<month>\d{1,2})\s+n\S{1,3}\s+(?<year>\d{4})")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(uy ban nhan dan|ubnd|hoi dong nhan dan|tinh uy|dang uy|ban thuong vu|ban chap hanh)")]
    private static partial Regex IssuerStart();

    [GeneratedRegex(@"^(tinh|xa|huyen|phuong|quan|thanh pho|thi xa|thi tran)\s")]
    private static partial Regex UnitStart();

    [GeneratedRegex(@"\b(tinh|xa|huyen|phuong|quan|thanh pho|thi xa|thi tran)\s+(?!uy\b)\S")]
    private static partial Regex UnitPhrase();

    /// <summary>"Độc lập - Tự do - Hạnh phúc" and OCR'd variants ("Pjc 1ap - Ty do - Hanh phic").</summary>
    [GeneratedRegex(@"\S{2,4}\s+\S{2,4}\s*-\s*\S{1,3}\s+do\b")]
    private static partial Regex Motto();

    [GeneratedRegex(@"cong hoa xa ho")]
    private static partial Regex Republic();
}
