using System.Text;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;
using KeHoach57.Ingestion.Markdown;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>
/// Yên Hòa's plan (the shortest seed plan, six pages) printed to PDF, scanned at 300 dpi and read back by
/// tesseract: it comes out with the sections, paragraphs and list items of its text export and answers its own
/// dev questions as well. The scan is read once for both tests (some thirty seconds of OCR); all five plans are
/// in <see cref="ImportMeasurements"/>.
/// </summary>
public class ScanRoundTripTests
{
    private const string Id = "yen-hoa";

    private static readonly Lazy<Task<(ImportedPlan Scan, ImportedPlan Text)>> Imports = new(ImportBothAsync);

    [Fact]
    public async Task Bản_quét_giữ_đề_mục_đoạn_văn_và_gạch_đầu_dòng_của_bản_văn_bản()
    {
        SkipUnlessScannable();
        var (scan, text) = await Imports.Value;

        Assert.True(RoundTrip.Recall(Id, scan) > 0.97, $"{RoundTrip.Recall(Id, scan):P2} of the characters");
        Assert.Equal(Outline(text), Outline(scan));
    }

    [Fact]
    public async Task Bản_quét_trả_lời_câu_hỏi_về_kế_hoạch_như_bản_văn_bản()
    {
        var cases = RoundTrip.DevCases(Id);
        Assert.SkipWhen(cases is null, RoundTrip.DevSetReason);
        SkipUnlessScannable();
        var ct = TestContext.Current.CancellationToken;
        var (scan, text) = await Imports.Value;

        var baseline = await RoundTrip.AccuracyAsync(Id, text.Markdown, cases!, ct);
        var accuracy = await RoundTrip.AccuracyAsync(Id, scan.Markdown, cases!, ct);

        Assert.True(accuracy >= baseline, $"scan: {accuracy:0.000} of {cases!.Count} questions answered, text export {baseline:0.000}");
    }

    private static void SkipUnlessScannable()
    {
        TestPdf.SkipUnlessFont();
        OcrTools.SkipUnlessOcr();
    }

    private static async Task<(ImportedPlan, ImportedPlan)> ImportBothAsync()
    {
        var raw = Seeds.Raw(Id);
        using var import = new TestImport();
        var scan = await import.ImportAsync(TestPdf.Scan(TestPdf.FromText(raw)), Id + "-scan.pdf", TestImport.Curated(Id));
        var text = await import.ImportAsync(Encoding.UTF8.GetBytes(raw), Id + ".txt", TestImport.Curated(Id));
        return (scan, text);
    }

    /// <summary>Each section's anchor with the kinds of its blocks in order: "ii-3: P L L L".</summary>
    private static List<string> Outline(ImportedPlan plan) =>
        PlanMarkdownReader.Read(plan.Markdown, Id).AllSections()
            .Select(s => s.Anchor + ":" + string.Concat(s.Blocks.Select(b => b switch { ListItem => " L", Table => " T", _ => " P" })))
            .ToList();
}
