using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Tests.Formats;

public class PdfImportTests
{
    [Fact]
    public async Task PDF_có_lớp_chữ_trả_lại_nguyên_văn_bản_kế_hoạch()
    {
        TestPdf.SkipUnlessFont();
        using var import = new TestImport();
        var pdf = TestPdf.FromText(Seeds.Raw("bac-giang"));

        var plan = await import.ImportAsync(pdf, "ke-hoach-bac-giang.pdf", TestImport.Curated("bac-giang"));

        Assert.Equal("PDF có lớp chữ", plan.Format);
        Assert.True(plan.Quality.Pages > 5);
        var recall = TextRecovery.CharacterRecall(TextRecovery.Body(Seeds.Document("bac-giang")), TextRecovery.Body(Markdown.PlanMarkdownReader.Read(plan.Markdown, "bac-giang")));
        Assert.True(recall > 0.995, $"recall {recall:P2}");
    }
}

public class PdfTableAndScanTests
{
    [Fact]
    public async Task Bảng_phụ_lục_trong_PDF_giữ_được_từng_dòng()
    {
        TestPdf.SkipUnlessFont();
        var (pdf, expected) = AppendixPdf.Build();
        var text = Assert.IsType<ExtractedText>(await new PdfTextReader(Options.Create(new ImportOptions()))
            .ReadAsync(new SourceFile("phu-luc.pdf", pdf), TestContext.Current.CancellationToken)).Text;

        Assert.Equal(expected.Count, AppendixPdf.RowsKept(text, expected));
    }

    /// <summary>
    /// The first page of Trường Giang's targets appendix (PHỤ LỤC I, page 11 of its PDF), photographed: the table keeps the
    /// rows of the page's text layer, each with its STT. The numbers stand as digits at the start of a line before the
    /// indicator's name ("53 Ty 1€ …", the OCR'd 2.3), which the Vietnamese model alone reads as a word ("Sở"), so the row
    /// ran into the one above; with the English model beside it (Import:OcrLanguage's default) they stay digits.
    /// </summary>
    [Fact]
    public async Task Bảng_phụ_lục_chụp_ảnh_giữ_số_thứ_tự_của_từng_dòng()
    {
        TestPdf.SkipUnlessFont();
        OcrTools.SkipUnlessOcr();
        const int page = 11;
        var pdf = TestPdf.FromText(Seeds.Raw("truong-giang"));
        var scan = Assert.IsType<ExtractedText>(await new ScannedDocumentReader(Options.Create(new ImportOptions()))
            .ReadAsync(new SourceFile("phu-luc.png", TestPdf.PageImage(pdf, page)), TestContext.Current.CancellationToken)).Text;

        var expected = AppendixPdf.RowNumbers(PageText(pdf, page));
        Assert.Contains("2.3", expected);
        Assert.Equal(expected, AppendixPdf.RowNumbers(scan));
    }

    [Fact]
    public async Task Trang_quét_được_nhận_dạng_chữ_tiếng_Việt()
    {
        TestPdf.SkipUnlessFont();
        OcrTools.SkipUnlessOcr();
        var pdf = TestPdf.FromText(Seeds.Raw("bac-giang"));
        using var import = new TestImport();

        var plan = await import.ImportAsync(TestPdf.Scan(pdf, onlyPage: 2), "scan-trang-2.pdf");

        Assert.Equal("PDF bản quét (OCR)", plan.Format);
        Assert.Equal(1, plan.Quality.Pages);
        var recall = TextRecovery.CharacterRecall(PageText(pdf, 2), plan.Text);
        Assert.True(recall > 0.95, $"recall {recall:P2}");
    }

    [Fact]
    public async Task Ảnh_chụp_một_trang_được_nhận_dạng_chữ()
    {
        TestPdf.SkipUnlessFont();
        OcrTools.SkipUnlessOcr();
        var pdf = TestPdf.FromText(Seeds.Raw("bac-giang"));
        using var import = new TestImport();

        var plan = await import.ImportAsync(TestPdf.PageImage(pdf, 3), "IMG_0003.png");

        Assert.Equal("ảnh chụp/quét (OCR)", plan.Format);
        var recall = TextRecovery.CharacterRecall(PageText(pdf, 3), plan.Text);
        Assert.True(recall > 0.95, $"recall {recall:P2}");
    }

    private static string PageText(byte[] pdf, int page)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join('\n', PdfTextReader.Lines(document.GetPage(page).Letters));
    }
}

public class QualityReportTests
{
    [Theory]
    [MemberData(nameof(Seeds.EachId), MemberType = typeof(Seeds))]
    public async Task Năm_kế_hoạch_mẫu_không_bị_cảnh_báo_chất_lượng(string id)
    {
        using var import = new TestImport();
        var plan = await import.ImportAsync(System.Text.Encoding.UTF8.GetBytes(Seeds.Raw(id)), id + ".txt");

        Assert.False(plan.Quality.TooPoor, string.Join(" ", plan.Quality.Warnings));
        Assert.True(plan.Quality.Headings > 10);
        Assert.True(plan.Quality.Characters > 9000);
    }

    [Fact]
    public async Task Bản_nhận_dạng_quá_nhiễu_được_cảnh_báo_là_khó_trả_lời()
    {
        // Nine lines in twenty lose their vowels, as where a scan at too low a resolution smudged the page.
        const string vowels = "aăâeêioôơuưyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
        var words = Seeds.Raw("bac-giang").Split('\n').Where(l => l.Trim().Length > 0)
            .Select((line, i) => i % 20 < 9 ? new string(line.Where(c => !vowels.Contains(char.ToLowerInvariant(c))).ToArray()) : line);
        using var import = new TestImport();
        var plan = await import.ImportAsync(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', words)), "quet-mo.txt");

        Assert.True(plan.Quality.TooPoor);
        Assert.Contains(plan.Quality.Warnings, w => w.Contains("chất lượng chữ kém"));
        Assert.True(plan.Quality.NoiseShare > 0.35, $"{plan.Quality.NoiseShare:P0}");
    }
}

public class PdfBombTests
{
    [Fact]
    public void Bản_quét_nhiều_trang_không_bị_coi_là_bom_nén()
    {
        TestPdf.SkipUnlessFont();
        OcrTools.SkipUnlessOcr();
        var scan = TestPdf.Scan(TestPdf.FromText(Seeds.Raw("bac-giang")), dpi: 100);
        const long limit = 10L * 1024 * 1024;

        using (var document = UglyToad.PdfPig.PdfDocument.Open(scan)) Assert.True(document.NumberOfPages >= 8);
        // A page image alone unpacks to more than 2 MB, so eight or more of them to more than the 10 MB limit…
        Assert.False(PdfFile.UnpacksWithin(new SourceFile("scan.pdf", scan), 2L * 1024 * 1024));
        // …which holds each of them, not their sum.
        Assert.True(PdfFile.UnpacksWithin(new SourceFile("scan.pdf", scan), limit));
        Assert.False(PdfFile.UnpacksWithin(new SourceFile("bom.pdf", BadFiles.PdfBomb(2 * limit)), limit));
    }
}
