using System.Text;
using KeHoach57.Ingestion.Formats.Encodings;
using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>
/// Bắc Giang's plan (clean Unicode) as each format an office sends: imported, it answers its own dev
/// questions as well as its text export does. All five plans, both PDF readers and full scans are in
/// <see cref="ImportMeasurements"/>.
/// </summary>
public class RoundTripEvalTests
{
    private const string Id = "bac-giang";

    public static TheoryData<string> Formats => ["PDF", "DOCX", "TCVN3", "VNI"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Câu_hỏi_về_kế_hoạch_được_trả_lời_như_từ_bản_văn_bản(string format)
    {
        var cases = RoundTrip.DevCases(Id);
        Assert.SkipWhen(cases is null, RoundTrip.DevSetReason);
        if (format == "PDF") TestPdf.SkipUnlessFont();
        var ct = TestContext.Current.CancellationToken;
        var raw = Seeds.Raw(Id);
        var (bytes, name) = format switch
        {
            "PDF" => (TestPdf.FromText(raw), "ke-hoach.pdf"),
            "DOCX" => (TestDocx.FromPlan(Seeds.Document(Id)), "ke-hoach.docx"),
            "TCVN3" => (LegacyVietnamese.ToTcvn3(raw), "ke-hoach-abc.txt"),
            _ => (LegacyVietnamese.ToVni(raw), "ke-hoach-vni.txt"),
        };
        using var import = new TestImport();
        var plan = await import.ImportAsync(bytes, name, TestImport.Curated(Id));
        var text = await import.ImportAsync(Encoding.UTF8.GetBytes(raw), "ke-hoach.txt", TestImport.Curated(Id));

        var baseline = await RoundTrip.AccuracyAsync(Id, text.Markdown, cases!, ct);
        var accuracy = await RoundTrip.AccuracyAsync(Id, plan.Markdown, cases!, ct);

        Assert.True(RoundTrip.Recall(Id, plan) > 0.99, $"{format}: {RoundTrip.Recall(Id, plan):P2} of the characters");
        Assert.True(accuracy >= baseline, $"{format}: {accuracy:0.000} of {cases!.Count} questions answered, text export {baseline:0.000}");
    }
}
