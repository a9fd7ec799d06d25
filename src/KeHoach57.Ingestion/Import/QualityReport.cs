using System.Text.RegularExpressions;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// How good the imported text is: what the summary shows before the user confirms, and the warning
/// when the assistant would answer poorly from it.
/// </summary>
/// <param name="Pages">Pages of a PDF or scan; null for formats without pages.</param>
/// <param name="Characters">Characters other than spaces.</param>
/// <param name="NoiseShare">Share of text lines of three words or more where most words cannot be Vietnamese syllables (OCR debris, a broken font).</param>
/// <param name="Headings">Sections recognised under the document's own headings.</param>
/// <param name="MetadataFound">The header fields read from the document (issuer, number, date, place, kind, title).</param>
public sealed partial record QualityReport(
    int? Pages,
    int Characters,
    int Lines,
    double NoiseShare,
    int Headings,
    int Tables,
    int TableRows,
    IReadOnlyList<string> MetadataFound,
    IReadOnlyList<string> MetadataMissing,
    IReadOnlyList<string> Warnings)
{
    public bool TooPoor => Warnings.Count > 0;

    public static QualityReport Measure(string text, PlanDocument document, HeaderMetadata header, int? pages, ImportOptions options)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        int counted = 0, noisy = 0;
        foreach (var line in lines)
        {
            var words = Word().Matches(line);
            if (words.Count < 3) continue;
            counted++;
            if (words.Count(w => VietnameseSyllables.IsSyllable(w.Value) || IsAcronym(w.Value)) * 2 < words.Count) noisy++;
        }
        var noise = counted == 0 ? 1 : (double)noisy / counted;
        var sections = document.AllSections().Count(s => !s.IsSynthetic);
        var tables = document.AllSections().SelectMany(s => s.Blocks).OfType<Table>().ToList();
        var fields = new (string Name, string Value)[]
        {
            ("cơ quan ban hành", header.Issuer), ("số ký hiệu", header.Number), ("ngày", header.Date),
            ("địa danh", header.Place), ("loại văn bản", header.Kind), ("trích yếu", header.Title),
        };
        var characters = text.Count(c => !char.IsWhiteSpace(c));

        var warnings = new List<string>();
        if (noise > options.PoorNoiseShare)
            warnings.Add($"{noise * 100:0}% số dòng giống nhiễu nhận dạng chữ (OCR) hoặc lỗi phông: chất lượng chữ kém, trợ lý có thể trả lời sai hoặc không tìm thấy. Nên dùng bản PDF gốc có lớp chữ, hoặc quét lại rõ hơn (300 dpi).");
        if (sections == 0)
            warnings.Add("Không nhận ra đề mục nào (I., 1., a), Điều 1.): trích dẫn sẽ không chỉ được mục nào của văn bản.");
        return new QualityReport(pages, characters, lines.Count, Math.Round(noise, 3), sections, tables.Count, tables.Sum(t => t.Rows.Count),
            fields.Where(f => f.Value.Length > 0).Select(f => f.Name).ToList(),
            fields.Where(f => f.Value.Length == 0).Select(f => f.Name).ToList(),
            warnings);
    }

    /// <summary>"UBND", "KH&amp;CN", "DTI": abbreviations are words, not noise.</summary>
    private static bool IsAcronym(string word) => word.Length is >= 2 and <= 8 && word.All(c => char.IsUpper(c) || c == '&');

    [GeneratedRegex(@"[\p{L}&]+")]
    private static partial Regex Word();
}
