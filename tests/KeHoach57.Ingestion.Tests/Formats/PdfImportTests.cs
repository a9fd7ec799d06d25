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
