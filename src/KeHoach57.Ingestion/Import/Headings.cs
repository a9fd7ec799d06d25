using System.Text.RegularExpressions;
using KeHoach57.Core.Text;

namespace KeHoach57.Ingestion.Import;

public enum HeadingKind { DocumentKind, Appendix, Article, Roman, Numbered, Lettered, Styled }

/// <summary>A line that may open a section: <see cref="Label"/> as the source has it, the rest of the line after it.</summary>
public sealed record HeadingCandidate(HeadingKind Kind, string Label, string Rest);

/// <summary>
/// Recognises the numbering of Vietnamese administrative documents in OCR'd form: "II1." for III.,
/// "Piéu 1." for Điều 1., "PHU LUCI" for Phụ lục I, "¢)" for c). Whether a candidate really is the next
/// heading is decided by <see cref="Numbering"/>, which knows what came before.
/// </summary>
public static partial class Headings
{
    /// <summary>
    /// The mark a reader puts before a heading that only its style or outline level makes one ("## Mục tiêu
    /// chung" for Heading 2 in a Word document): unnumbered, so nothing else would tell it from a paragraph.
    /// </summary>
    public const char StyleMark = '#';

    public static HeadingCandidate? Recognize(string line)
    {
        if (Styled().Match(line) is { Success: true } styled)
            return new(HeadingKind.Styled, styled.Groups[1].Value, styled.Groups[2].Value.Trim());
        if (IsDocumentKind(line)) return new(HeadingKind.DocumentKind, line, "");
        if (IsAppendix(line)) return new(HeadingKind.Appendix, line, "");
        var folded = VietnameseText.Fold(line);
        if (Article().Match(folded) is { Success: true } article)
            return new(HeadingKind.Article, line[..article.Length].TrimEnd(), line[article.Length..].Trim());
        // "1." is numbered, not Roman; "T11.", "TH." and "l." are OCR's I-strokes.
        if (Roman().Match(line) is { Success: true } roman && !roman.Groups[1].Value.All(char.IsDigit))
            return new(HeadingKind.Roman, roman.Groups[1].Value + ".", roman.Groups[2].Value.Trim());
        if (Numbered().Match(line) is { Success: true } numbered)
            return new(HeadingKind.Numbered, numbered.Groups[1].Value + ".", numbered.Groups[2].Value.Trim());
        if (Lettered().Match(line) is { Success: true } lettered)
            return new(HeadingKind.Lettered, line[..lettered.Groups[2].Index].TrimEnd(), lettered.Groups[2].Value.Trim());
        return null;
    }

    /// <summary>"KẾ HOẠCH", "QUYẾT ĐỊNH", "KE HOACH HANH PONG": the line naming what kind of document starts here.</summary>
    public static bool IsDocumentKind(string line) =>
        !line.Any(char.IsLower) && DocumentKind().IsMatch(VietnameseText.Fold(line).TrimEnd(' ', ')', '.'));

    /// <summary>"PHỤ LỤC I", OCR'd "PHU LUCI )": in capitals, which tells it from a mention in running text.</summary>
    public static bool IsAppendix(string line) =>
        Appendix().IsMatch(VietnameseText.Fold(line)) && line.Count(char.IsUpper) > line.Count(char.IsLower);

    /// <summary>Slug for a document-kind heading: "ke-hoach", "quyet-dinh".</summary>
    public static string DocumentKindKey(string line)
    {
        var words = VietnameseText.Fold(line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words[0] == "quyet" ? "quyet-dinh" : string.Join('-', words.Take(2));
    }

    /// <summary>"i", "ii", "2" for "PHU LUCI", "PHU LUC Il", "Phụ lục 2"; "" when the numeral is missing.</summary>
    public static string AppendixKey(string line)
    {
        var m = Appendix().Match(VietnameseText.Fold(line));
        var numeral = m.Groups[1].Value;
        return numeral.All(char.IsDigit) ? numeral : new string(numeral.Select(c => c is 'l' or '1' ? 'i' : c).ToArray());
    }

    [GeneratedRegex(@"^(#{1,6}) +(\S.*)$")]
    private static partial Regex Styled();

    [GeneratedRegex(@"^(ke hoach|quyet [dp]inh|chuong trinh|bao cao|to trinh)( [a-z]+){0,3}$")]
    private static partial Regex DocumentKind();

    [GeneratedRegex(@"^phu\s*luc\s*([ivxl1]+|\d+)?(?![a-z0-9])")]
    private static partial Regex Appendix();

    [GeneratedRegex(@"^[dpb]i[eê]u\s+\d{1,2}\s*[.:]")]
    private static partial Regex Article();

    /// <summary>"III.", and OCR's forms: "II1.", "T111.", "TH." (H for II), "V,." (a speck read as a comma).</summary>
    [GeneratedRegex(@"^([IVXivxlT1H]{1,5})\s*,?\s*\.\s*(\p{L}.*)$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(\d{1,2}(?:\.\d{1,2}){0,2})\.\s*(\p{L}.*)$")]
    private static partial Regex Numbered();

    /// <summary>"a)", "đ)", and OCR's forms: "a,)", "2)" for g), "1)" for i) or l), a currency sign or dagger for c) ("¢)", "€)", "‡)").</summary>
    [GeneratedRegex(@"^([a-zđ12¢€$£¥‡†§])\s*,?\)\s*(\S.*)$")]
    private static partial Regex Lettered();
}
