using System.Text.RegularExpressions;
using KeHoach57.Core.Text;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Blanks out what no question is about: the national motto and issuer header, "Nơi nhận" recipient
/// blocks with the signature under them, stray signature lines and page numbers. The number/date line
/// and the title stay: people ask which number a plan has and when it was signed.
/// </summary>
public static partial class Boilerplate
{
    public static List<string> Remove(IReadOnlyList<string> lines)
    {
        var kept = new List<string>(lines.Count);
        var inRecipients = false;
        foreach (var line in lines)
        {
            var folded = VietnameseText.Fold(line.Trim());
            if (IsRecipientsStart(folded)) inRecipients = true;
            // A recipients block runs to the next part of the document (a new plan, an appendix) or the end.
            else if (inRecipients && (Headings.IsDocumentKind(line.Trim()) || Headings.IsAppendix(line.Trim()))) inRecipients = false;
            kept.Add(inRecipients || IsBoilerplateLine(folded) ? "" : line);
        }
        return kept;
    }

    private static bool IsRecipientsStart(string folded) => RecipientsStart().IsMatch(folded);

    private static bool IsBoilerplateLine(string folded) =>
        Motto().IsMatch(folded) || Signature().IsMatch(folded) || PageNumber().IsMatch(folded);

    [GeneratedRegex(@"^noi\s*nh\S{0,3}\s*:")]
    private static partial Regex RecipientsStart();

    // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc" and OCR'd variants
    // ("Pjc 1ap - Ty do - Hanh phic", "Poc 1dp - Tw do - Ha"), often on one line with the issuer.
    [GeneratedRegex(@"cong hoa xa ho|chu nghia viet|\b\S{1,3}\s+do\s*-\s*ha")]
    private static partial Regex Motto();

    [GeneratedRegex(@"^(tm|t/m|kt)[.\s]|^(pho\s+)?chu\s+tich\s*$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();
}
