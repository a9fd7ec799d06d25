using System.Text;
using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Import;
using KeHoach57.Ingestion.Tests.Formats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Tests;

/// <summary>Files that must not become plans: each gets a clear Vietnamese message, and corpus/ is left as it was.</summary>
public class ImportRefusalTests : IDisposable
{
    private readonly TestImport import = new();

    public void Dispose() => import.Dispose();

    private async Task<ImportRefusal> RefusedAsync(byte[] bytes, string name, ImportProblem problem, string messagePart)
    {
        var before = Listing();
        var result = await import.ReadAsync(bytes, name);
        var refusal = Assert.IsType<ImportRefusal>(result);
        Assert.Equal(problem, refusal.Problem);
        Assert.Contains(messagePart, refusal.Message);
        Assert.Equal(before, Listing());
        return refusal;
    }

    private string[] Listing() => Directory.GetFileSystemEntries(import.Corpus, "*", SearchOption.AllDirectories).Order().ToArray();

    [Fact]
    public Task Tệp_0_byte_bị_từ_chối() => RefusedAsync([], "trong.pdf", ImportProblem.EmptyFile, "rỗng (0 byte)");

    [Fact]
    public async Task Tệp_200_MB_bị_từ_chối_trước_khi_đọc()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kh57-huge-{Guid.NewGuid():N}.pdf");
        try
        {
            // A sparse file: 200 MB long without 200 MB on disk, and never read.
            using (var stream = File.Create(path)) stream.SetLength(200L * 1024 * 1024);
            var refusal = Assert.IsType<ImportRefusal>(await import.Importer.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken));
            Assert.Equal(ImportProblem.TooLarge, refusal.Problem);
            Assert.Contains("vượt giới hạn 50 MB", refusal.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Luồng_tải_lên_quá_giới_hạn_bị_dừng_khi_vượt()
    {
        using var small = new TestImport(new ImportOptions { MaxFileBytes = 1024 * 1024 });
        var refusal = Assert.IsType<ImportRefusal>(await small.ReadAsync(new byte[3 * 1024 * 1024], "lon.txt"));
        Assert.Equal(ImportProblem.TooLarge, refusal.Problem);
    }

    [Fact]
    public async Task PDF_bị_cắt_cụt_bị_từ_chối()
    {
        TestPdf.SkipUnlessFont();
        var pdf = TestPdf.FromText(Seeds.Raw("bac-giang"));
        await RefusedAsync(pdf[..(pdf.Length / 2)], "cat-cut.pdf", ImportProblem.Damaged, "bị cắt cụt");
    }

    [Fact]
    public Task PDF_có_mật_khẩu_bị_từ_chối() =>
        RefusedAsync(BadFiles.PasswordProtectedPdf(), "mat-khau.pdf", ImportProblem.Encrypted, "mật khẩu");

    [Fact]
    public Task Bom_nén_đổi_tên_thành_docx_bị_từ_chối_mà_không_giải_nén_hết() =>
        RefusedAsync(BadFiles.ZipBomb(210L * 1024 * 1024), "ke-hoach.docx", ImportProblem.TooManyParts, "bom nén");

    [Fact]
    public Task PDF_chứa_luồng_nén_khổng_lồ_bị_từ_chối_trước_khi_phân_tích() =>
        RefusedAsync(BadFiles.PdfBomb(210L * 1024 * 1024), "ke-hoach.pdf", ImportProblem.TooManyParts, "bom nén");

    [Fact]
    public Task Tệp_nén_hàng_nghìn_phần_bị_từ_chối() =>
        RefusedAsync(BadFiles.ZipWithEntries(5000), "ke-hoach.docx", ImportProblem.TooManyParts, "phần nén");

    [Fact]
    public Task Tệp_nén_không_phải_Word_bị_từ_chối() =>
        RefusedAsync(BadFiles.NotWordZip(), "bang.docx", ImportProblem.UnknownType, "không phải văn bản Word");

    [Fact]
    public Task Tệp_chạy_được_bị_từ_chối_vì_không_rõ_loại() =>
        RefusedAsync([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[4000]], "ke-hoach.pdf", ImportProblem.UnknownType, "Không nhận ra loại tệp");

    [Fact]
    public Task Tệp_Word_đời_cũ_được_hướng_dẫn_lưu_lại() =>
        RefusedAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4000]], "ke-hoach.doc", ImportProblem.UnknownType, "lưu thành .docx");

    [Fact]
    public Task Văn_bản_tiếng_Anh_bị_từ_chối() =>
        RefusedAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
            "The provincial committee shall implement the digital transformation programme, strengthen innovation capacity " +
            "and report quarterly progress to the ministry responsible for science and technology. ", 5))),
            "plan-en.txt", ImportProblem.NotVietnamese, "không giống văn bản tiếng Việt");

    [Fact]
    public Task Văn_bản_tiếng_Việt_không_phải_kế_hoạch_bị_từ_chối() =>
        RefusedAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
            "Cách nấu phở bò: xương bò rửa sạch, chần qua nước sôi rồi ninh nhỏ lửa trong sáu tiếng. Gừng và hành nướng thơm " +
            "cho vào nồi nước dùng cùng quế, hồi, thảo quả. Bánh phở trụng qua nước sôi, xếp vào bát, thêm thịt bò thái mỏng, " +
            "hành lá, rau thơm rồi chan nước dùng thật nóng.\n", 4))),
            "pho-bo.txt", ImportProblem.NotAPlan, "không giống một kế hoạch");

    [Fact]
    public Task Trang_trắng_bị_từ_chối_vì_không_có_chữ() =>
        RefusedAsync(Encoding.UTF8.GetBytes("\n\n   \n1\n"), "trang.txt", ImportProblem.EmptyText, "không có chữ nào");

    [Fact]
    public async Task Kế_hoạch_đã_có_gửi_lại_ở_bảng_mã_khác_bị_nhận_ra_là_trùng()
    {
        File.Copy(Path.Combine(Seeds.CorpusFolder, "bac-giang.md"), Path.Combine(import.Corpus, "bac-giang.md"));
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Seeds.Raw("bac-giang"))).ToArray();
        var refusal = await RefusedAsync(utf16, "ban-sao.txt", ImportProblem.Duplicate, "trùng nội dung với kế hoạch đã có: bac-giang");
        Assert.Contains("Không nhập lại", refusal.Message);
    }

    [Theory]
    [InlineData("Bắc Giang", null, "Mã văn bản \"Bắc Giang\" không hợp lệ")]
    [InlineData("../../etc", null, "không hợp lệ")]
    [InlineData(null, "03/03/2025", "năm-tháng-ngày")]
    public async Task Mã_và_ngày_sửa_sai_dạng_bị_từ_chối(string? id, string? date, string message)
    {
        var refusal = Assert.IsType<ImportRefusal>(await import.ReadAsync(Encoding.UTF8.GetBytes(Seeds.Raw("hung-yen")), "hy.txt",
            new MetadataCorrections(Id: id, Date: date)));
        Assert.Equal(ImportProblem.InvalidMetadata, refusal.Problem);
        Assert.Contains(message, refusal.Message);
    }

    /// <summary>A PNG header (1024 × 1024) and padding: enough to be taken for a photo, refused before any OCR runs.</summary>
    private static readonly byte[] TinyPng =
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 4, 0, 0, 0, 4, 0, .. new byte[100]];

    [Fact]
    public async Task Bản_quét_khi_thiếu_tesseract_nói_cần_cài_gói_nào()
    {
        using var noOcr = new TestImport(new ImportOptions { TesseractPath = "/nonexistent/tesseract" });
        var refusal = Assert.IsType<ImportRefusal>(await noOcr.ReadAsync(TinyPng, "anh-chup.png"));
        Assert.Equal(ImportProblem.MissingTool, refusal.Problem);
        Assert.Contains("tesseract-ocr", refusal.Message);
        Assert.Contains(ScannedDocumentReader.InstallHint, refusal.Message);
    }

    [Fact]
    public async Task Danh_sách_ngôn_ngữ_nối_bằng_dấu_cộng_thiếu_mô_hình_nào_thì_nêu_gói_của_mô_hình_đó()
    {
        Assert.SkipUnless(OcrTools.HasVietnameseOcr(), "tesseract with Vietnamese data is not installed (Debian: tesseract-ocr tesseract-ocr-vie)");
        using var missingModel = new TestImport(new ImportOptions { OcrLanguage = "vie+khongco" });
        var refusal = Assert.IsType<ImportRefusal>(await missingModel.ReadAsync(TinyPng, "anh-chup.png"));
        Assert.Equal(ImportProblem.MissingTool, refusal.Problem);
        Assert.Contains("tesseract-ocr-khongco", refusal.Message);
        Assert.DoesNotContain("tesseract-ocr-vie,", refusal.Message);
    }

    [Theory]
    [InlineData("vie+")]
    [InlineData("+eng")]
    [InlineData(" ")]
    public void Ngôn_ngữ_OCR_có_phần_rỗng_thì_báo_lỗi_ngay_khi_khởi_động(string language)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Import:OcrLanguage"] = language }).Build());
        services.AddPlanImport();
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptions<ImportOptions>>().Value);
        Assert.Contains("OcrLanguage", error.Message);
    }
}
