namespace KeHoach57.Ingestion;

/// <summary>Limits and tools of importing a new plan from a file (config section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Larger files are refused before they are read.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>What a .docx may unpack to, all parts together: a "zip bomb" stops here.</summary>
    public long MaxUnpackedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Parts a .docx may hold (a real one has a few dozen, a few hundred with many images).</summary>
    public int MaxPackageEntries { get; set; } = 2000;

    /// <summary>Pages read from a PDF with a text layer.</summary>
    public int MaxPages { get; set; } = 500;

    /// <summary>Pages of a scan put through OCR (each takes seconds).</summary>
    public int MaxOcrPages { get; set; } = 60;

    /// <summary>Resolution the pages of a scanned PDF are rendered at for OCR.</summary>
    public int OcrDpi { get; set; } = 300;

    /// <summary>
    /// Tesseract language(s), '+'-joined. With English beside Vietnamese a run of digits or a Latin acronym is read as
    /// such where the Vietnamese model alone makes a Vietnamese word of it (a table row's STT "53" read as "Sở", so the
    /// row was lost); Debian's tesseract-ocr package brings the English model with it.
    /// </summary>
    public string OcrLanguage { get; set; } = "vie+eng";

    /// <summary>Time one run of an external tool (one page of OCR, one PDF conversion) may take.</summary>
    public int ToolTimeoutSeconds { get; set; } = 180;

    public string TesseractPath { get; set; } = "tesseract";
    public string PdfToPpmPath { get; set; } = "pdftoppm";
    public string PdfToTextPath { get; set; } = "pdftotext";

    /// <summary>Fewer letters than this after reading is "no text".</summary>
    public int MinLetters { get; set; } = 200;

    /// <summary>Distinct plan terms ("kế hoạch", "nhiệm vụ", "triển khai"…) a plan must use.</summary>
    public int MinPlanTerms { get; set; } = 4;

    /// <summary>Below this share of Vietnamese-shaped words (after folding) the text is not Vietnamese.</summary>
    public double MinVietnameseShare { get; set; } = 0.4;

    /// <summary>Above this share of noisy lines the import warns that the text is too poor to answer from.</summary>
    public double PoorNoiseShare { get; set; } = 0.35;
}
