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

public class DocxStyledHeadingTests
{
    [Fact]
    public async Task Đề_mục_không_số_nhận_ra_nhờ_kiểu_Heading_của_Word()
    {
        var plan = new PlanDocument(new Core.Documents.DocumentInfo("x", "x"), [Section("KẾ HOẠCH", 2, "Triển khai chuyển đổi số và đổi mới sáng tạo tại xã Yên Hòa năm 2025"), Goals(), Tasks()]);
        using var import = new TestImport();

        var imported = await import.ImportAsync(TestDocx.FromPlan(plan), "ke-hoach.docx", new MetadataCorrections(Id: "yen-hoa-2025"));
        var sections = PlanMarkdownReader.Read(imported.Markdown, "yen-hoa-2025").AllSections().ToList();

        var general = sections.Single(s => s.Heading == "Mục tiêu chung");
        Assert.Equal("i-muc-tieu-chung", general.Anchor);
        Assert.Equal(3, general.Level);
        Assert.StartsWith("Nâng cao năng lực", Assert.IsType<Paragraph>(general.Blocks.Single()).Text);
        Assert.Equal("i-muc-tieu-cu-the", sections.Single(s => s.Heading == "Mục tiêu cụ thể").Anchor);
        Assert.Equal("ii", sections.Single(s => s.Heading == "II. NHIỆM VỤ VÀ GIẢI PHÁP").Anchor);
        Assert.Contains("## Mục tiêu chung", imported.Text);
    }

    private static PlanSection Section(string heading, int level, params string[] paragraphs)
    {
        var section = new PlanSection(heading, "", level);
        section.Blocks.AddRange(paragraphs.Select(p => new Paragraph(p)));
        return section;
    }

    private static PlanSection Goals()
    {
        var goals = Section("I. MỤC TIÊU", 2);
        goals.Children.Add(Section("Mục tiêu chung", 3,
            "Nâng cao năng lực thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của Ủy ban nhân dân xã; phối hợp với các đơn vị triển khai kế hoạch đúng lộ trình."));
        goals.Children.Add(Section("Mục tiêu cụ thể", 3,
            "Đến hết năm 2025, 100% hồ sơ công việc của UBND xã được xử lý trên môi trường điện tử; 80% thủ tục hành chính được cung cấp trực tuyến toàn trình."));
        return goals;
    }

    private static PlanSection Tasks()
    {
        var tasks = Section("II. NHIỆM VỤ VÀ GIẢI PHÁP", 2);
        tasks.Blocks.Add(new ListItem('-', "Phòng Văn hóa - Xã hội chủ trì tổ chức thực hiện, báo cáo kết quả về UBND xã trước ngày 15/12/2025."));
        tasks.Blocks.Add(new ListItem('-', "Phòng Kinh tế bảo đảm kinh phí thực hiện các nhiệm vụ của kế hoạch."));
        return tasks;
    }
}
