using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;
using KeHoach57.Ingestion.Markdown;

namespace KeHoach57.Ingestion.Tests.Formats;

public class DocxImportTests
{
    private static readonly string[] IssuerCell = ["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "Số: 123/KH-UBND"];
    private static readonly string[] MottoCell = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Giang, ngày 14 tháng 3 năm 2025"];

    [Fact]
    public async Task Siêu_dữ_liệu_đọc_từ_bảng_tiêu_đề_của_văn_bản_Word()
    {
        using var import = new TestImport();
        var plan = await import.ImportAsync(TestDocx.FromPlan(Seeds.Document("bac-giang"), IssuerCell, MottoCell), "KH-123.docx");

        Assert.Equal("Ủy ban nhân dân tỉnh Bắc Giang", plan.Info.Issuer);
        Assert.Equal("123/KH-UBND", plan.Info.Number);
        Assert.Equal("2025-03-14", plan.Info.Date);
        Assert.Equal("Bắc Giang", plan.Header.Place);
        Assert.Equal("tỉnh Bắc Giang", plan.Info.Locality);
        Assert.Equal("tỉnh", plan.Info.Level);
        Assert.Equal("Kế hoạch", plan.Header.Kind);
        Assert.StartsWith("Kế hoạch thực hiện Nghị quyết số 03/NQ-CP", plan.Info.Title);
        Assert.Equal("bac-giang", plan.Info.Id);
        Assert.Empty(plan.Quality.MetadataMissing);
    }

    [Theory]
    [InlineData("i", "I. MỤC ĐÍCH, YÊU CẦU")]
    [InlineData("i-2", "2. Yêu cầu")]
    [InlineData("ii-8", "8. Bảo đảm an toàn, an ninh mạng")]
    [InlineData("iv", "IV. TỔ CHỨC THỰC HIỆN")]
    public async Task Đánh_số_tự_động_của_Word_thành_đề_mục_của_kế_hoạch(string anchor, string heading)
    {
        using var import = new TestImport();
        var plan = await import.ImportAsync(TestDocx.FromPlan(Seeds.Document("bac-giang")), "bac-giang.docx", TestImport.Curated("bac-giang"));
        var document = PlanMarkdownReader.Read(plan.Markdown, "bac-giang");

        Assert.StartsWith(heading, document.AllSections().Single(s => s.Anchor == anchor).Heading);
        Assert.True(RoundTrip.Recall("bac-giang", plan) > 0.995);
        Assert.Equal(Seeds.Document("bac-giang").AllSections().Select(s => s.Anchor), document.AllSections().Select(s => s.Anchor));
    }

    [Fact]
    public async Task Bảng_trong_Word_thành_các_dòng_phụ_lục()
    {
        using var import = new TestImport();
        var plan = await import.ImportAsync(TestDocx.FromPlan(Seeds.Document("truong-giang")), "truong-giang.docx", TestImport.Curated("truong-giang"));

        var expected = Seeds.Document("truong-giang").AllSections().SelectMany(s => s.Blocks).OfType<Table>().ToList();
        var tables = PlanMarkdownReader.Read(plan.Markdown, "truong-giang").AllSections().SelectMany(s => s.Blocks).OfType<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(expected.Select(t => t.Rows.Select(r => r.Number)), tables.Select(t => t.Rows.Select(r => r.Number)));
        Assert.Equal(2, plan.Quality.Tables);
        Assert.True(RoundTrip.Recall("truong-giang", plan) > 0.99);
    }
}
