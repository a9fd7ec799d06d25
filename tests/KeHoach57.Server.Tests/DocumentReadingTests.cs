using KeHoach57.Answering.Composition;
using KeHoach57.Core.Documents;
using KeHoach57.Server.Documents;
using KeHoach57.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests;

/// <summary>
/// The source page of a plan whose OCR lost its diacritics: shown read back into proper Vietnamese, said to be a
/// reading, one link away from the original text, the highlighted passage kept either way.
/// </summary>
public sealed class DocumentReadingTests : IAsyncLifetime
{
    private const string CleanId = "sach", OcrId = "mat-dau";
    private readonly string _corpus = Directory.CreateTempSubdirectory("kh57-reading-").FullName;
    private TestAssistant _test = null!;

    public async ValueTask InitializeAsync()
    {
        // The clean plan is the reader's lexicon; the OCR one says the same things without diacritics.
        await File.WriteAllTextAsync(Path.Combine(_corpus, CleanId + ".md"), """
            ---
            id: sach
            title: Kế hoạch chuyển đổi số xã Yên Hòa
            ---

            # I. Mục tiêu

            Văn phòng Ủy ban nhân dân xã tổng hợp báo cáo kết quả thực hiện kế hoạch chuyển đổi số hằng quý.

            # II. Tổ chức thực hiện

            Phòng Văn hóa và Thông tin chủ trì tuyên truyền về chuyển đổi số trên địa bàn xã.
            """);
        await File.WriteAllTextAsync(Path.Combine(_corpus, OcrId + ".md"), """
            ---
            id: mat-dau
            title: Kế hoạch chuyển đổi số xã Trường Giang
            ---

            # I. Muc tieu

            Van phong Uy ban nhan dan xa tong hop bao cao ket qua thuc hien ke hoach chuyen doi so hang quy.

            # II. To chuc thuc hien

            Phong Van hoa va Thong tin chu tri tuyen truyen ve chuyen doi so tren dia ban xa.
            """);
        _test = await TestAssistant.CreateAsync(_corpus);
    }

    public async ValueTask DisposeAsync()
    {
        await _test.DisposeAsync();
        try { Directory.Delete(_corpus, recursive: true); } catch (IOException) { }
    }

    private DocumentPage Page() => new(_test.Services.GetRequiredService<AnswerText>());

    private CorpusDocument Document(string id) => _test.Assistant.FindDocument(id)!;

    private string Anchor(string id, string words) => Document(id).Chunks.First(c => c.Text.Contains(words)).Anchor;

    [Fact]
    public void Trang_văn_bản_mất_dấu_mặc_định_là_bản_đọc_lại_có_dấu_và_nói_rõ_điều_đó()
    {
        var anchor = Anchor(OcrId, "Phong Van hoa");

        var html = Page().Render(Document(OcrId), anchor);

        Assert.Contains("<main class=\"doc restored\"", html);
        Assert.Contains("Phòng Văn hóa", html);
        Assert.DoesNotContain("Phong Van hoa va Thong tin", html);
        Assert.Contains("bản đọc lại có dấu", html);
        Assert.Contains($"<a aria-current=\"page\" href=\"/documents/{OcrId}?highlight={anchor}#chunk-{anchor}\">Bản đọc lại có dấu</a>", html);
        Assert.Contains($"<a href=\"/documents/{OcrId}?view=original&amp;highlight={anchor}#chunk-{anchor}\">Văn bản gốc (OCR)</a>", html);
        Assert.Contains($"id=\"chunk-{anchor}\"", html);
    }

    [Fact]
    public void Bản_gốc_là_đúng_chữ_OCR_và_vẫn_giữ_đoạn_được_tô_sáng()
    {
        var anchor = Anchor(OcrId, "Phong Van hoa");

        var html = Page().Render(Document(OcrId), anchor, DocumentPage.ParseView("original"));

        Assert.Contains("<main class=\"doc\"", html);
        Assert.Contains("Phong Van hoa va Thong tin chu tri tuyen truyen", html);
        Assert.DoesNotContain("Phòng Văn hóa", html);
        Assert.Contains($"<a aria-current=\"page\" href=\"/documents/{OcrId}?view=original&amp;highlight={anchor}#chunk-{anchor}\">Văn bản gốc (OCR)</a>", html);
        Assert.Contains($"data-highlight=\"{anchor}\"", html);
    }

    [Fact]
    public void Văn_bản_có_dấu_sẵn_hiện_nguyên_văn_không_có_bản_đọc_lại()
    {
        var html = Page().Render(Document(CleanId), null);

        Assert.DoesNotContain("class=\"reading\"", html);
        Assert.DoesNotContain("restored", html);
        Assert.Contains("Phòng Văn hóa và Thông tin chủ trì", html);
    }

    [Theory]
    [InlineData(null, DocumentView.Restored)]
    [InlineData("original", DocumentView.Original)]
    [InlineData(" Original ", DocumentView.Original)]
    [InlineData("goc", DocumentView.Restored)]
    public void Tham_số_view_chỉ_nhận_original(string? value, DocumentView view) => Assert.Equal(view, DocumentPage.ParseView(value));
}
