using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests.Formats;

public class CorpusWriterTests
{
    [Fact]
    public async Task Kế_hoạch_nhập_vào_corpus_được_dựng_lại_y_hệt_từ_raw()
    {
        using var import = new TestImport();
        Directory.CreateDirectory(Path.Combine(import.Corpus, "raw"));
        var seedManifest = await File.ReadAllTextAsync(Path.Combine(Seeds.RawFolder, Manifest.FileName), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(import.Corpus, "raw", Manifest.FileName), seedManifest, TestContext.Current.CancellationToken);
        var plan = await import.ImportAsync(TestDocx.FromPlan(Seeds.Document("hung-yen")), "KH 44-UBND.docx",
            new MetadataCorrections(Id: "pho-hien", Title: "Kế hoạch 44/KH-UBND", Date: "2025-03-03"));

        var (files, refusal) = import.Importer.Commit(plan);

        Assert.Null(refusal);
        Assert.Equal(["raw/pho-hien.txt", "raw/manifest.tsv", "pho-hien.md"], files!.Select(f => Path.GetRelativePath(import.Corpus, f)));
        var rebuilt = PlanImporter.ImportFolder(Path.Combine(import.Corpus, "raw"), Path.Combine(import.Corpus, "rebuilt"));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(import.Corpus, "pho-hien.md"), TestContext.Current.CancellationToken),
            await File.ReadAllBytesAsync(rebuilt.Single(f => f.EndsWith("pho-hien.md")), TestContext.Current.CancellationToken));
        var manifest = await File.ReadAllTextAsync(Path.Combine(import.Corpus, "raw", Manifest.FileName), TestContext.Current.CancellationToken);
        Assert.StartsWith(seedManifest, manifest);
        Assert.Contains($"pho-hien\tKH 44-UBND.docx\t{plan.Header.Kind}, nhập từ Word (.docx)\tKế hoạch 44/KH-UBND\t", manifest);
    }

    [Fact]
    public async Task Nhập_lại_cùng_tệp_cho_tệp_giống_hệt_từng_byte()
    {
        var docx = TestDocx.FromPlan(Seeds.Document("yen-hoa"));
        var written = new List<byte[][]>();
        foreach (var _ in new[] { 1, 2 })
        {
            using var import = new TestImport();
            var (files, _) = import.Importer.Commit(await import.ImportAsync(docx, "yen-hoa.docx"));
            written.Add(files!.Select(File.ReadAllBytes).ToArray());
        }
        Assert.Equal(written[0], written[1]);
    }

    [Fact]
    public async Task Mã_đã_dùng_chỉ_được_thay_khi_yêu_cầu()
    {
        using var import = new TestImport();
        var plan = await import.ImportAsync(TestDocx.FromPlan(Seeds.Document("yen-hoa")), "yen-hoa.docx", new MetadataCorrections(Id: "yen-hoa"));
        import.Importer.Commit(plan);

        var again = await import.ReadAsync(TestDocx.FromPlan(Seeds.Document("hung-yen")), "hung-yen.docx", new MetadataCorrections(Id: "yen-hoa"));
        Assert.Equal(Ingestion.Formats.ImportProblem.IdTaken, Assert.IsType<ImportRefusal>(again).Problem);

        var replacement = Assert.IsType<ImportedPlan>(await import.Importer.ReadAsync(new MemoryStream(TestDocx.FromPlan(Seeds.Document("hung-yen"))),
            "hung-yen.docx", new MetadataCorrections(Id: "yen-hoa"), replace: true, TestContext.Current.CancellationToken));
        var (_, refusal) = import.Importer.Commit(replacement, replace: true);
        Assert.Null(refusal);
        var rows = File.ReadAllLines(Path.Combine(import.Corpus, "raw", Manifest.FileName)).Where(l => l.StartsWith("yen-hoa\t")).ToList();
        Assert.Single(rows);
        Assert.Contains("hung-yen.docx", rows[0]);
    }
}
