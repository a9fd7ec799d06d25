namespace KeHoach57.Core.Text;

/// <summary>Switches for each analysis mechanism (config section "Analyzer"). All on in production; the eval turns them off one at a time.</summary>
public sealed class AnalyzerOptions
{
    /// <summary>Fold diacritics so "bao cao", "báo cáo" and the OCR'd "bao céo" meet.</summary>
    public bool Folding { get; set; } = true;

    /// <summary>Adjacent-syllable terms: Vietnamese words are mostly two syllables ("báo cáo", "chuyển đổi").</summary>
    public bool Bigrams { get; set; } = true;

    /// <summary>Abbreviations and their expansions meet on one key term.</summary>
    public bool Glossary { get; set; } = true;

    /// <summary>Repair this OCR's systematic confusions inside words (d6i→doi, x3→xa, Pay→day, Nghj→nghi).</summary>
    public bool OcrRepair { get; set; } = true;

    /// <summary>Dates in any spelling ("10/6", "10/06", "ngày 10 tháng 6") meet on one term.</summary>
    public bool Dates { get; set; } = true;

    public const string Section = "Analyzer";

    public static AnalyzerOptions Default { get; } = new();
}
