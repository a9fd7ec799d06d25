using System.Net;
using System.Text;
using System.Text.Json;
using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Ingestion.Tests.Formats;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Embedded;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests.Admin;

/// <summary>POST /api/admin/plans: a plan sent to the running server is read, checked, written to corpus/ and answers, without a restart.</summary>
public sealed class PlanUploadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> AskAsync(HttpClient client, string question, string? scope = null)
    {
        using var response = await client.PostJsonAsync("/api/ask", new { question, scope });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static void AnswersFromNewPlan(JsonElement answer)
    {
        Assert.True(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.Contains(NewPlan.Fact, answer.Str("answer"));
        Assert.Contains(answer.Citations(), c => c.Str("doc") == NewPlan.Id);
    }

    [Fact]
    public async Task Văn_bản_Word_tải_lên_được_nhập_kèm_báo_cáo_và_trả_lời_ngay_khi_phản_hồi_về()
    {
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();
        Assert.False((await AskAsync(client, NewPlan.Question)).GetProperty("answered").GetBoolean());

        using var response = await client.UploadAsync(NewPlan.Docx(), "KH 27-UBND.docx");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/documents/" + NewPlan.Id, response.Headers.Location?.OriginalString);
        var receipt = await response.ReadJsonAsync();
        Assert.Equal("imported", receipt.Str("status"));
        Assert.Equal(NewPlan.Id, receipt.Str("id"));
        Assert.Equal("KH 27-UBND.docx", receipt.Str("file"));
        Assert.Equal("Word (.docx)", receipt.Str("format"));
        var metadata = receipt.GetProperty("metadata");
        Assert.Equal("Ủy ban nhân dân xã Tân Lập", metadata.Str("issuer"));
        Assert.Equal(NewPlan.Number, metadata.Str("number"));
        Assert.Equal("2026-03-05", metadata.Str("date"));
        Assert.Equal("Kế hoạch", metadata.Str("kind"));
        Assert.Equal("xã", metadata.Str("level"));
        var quality = receipt.GetProperty("quality");
        Assert.True(quality.GetProperty("headings").GetInt32() >= 5, quality.ToString());
        Assert.True(quality.GetProperty("characters").GetInt32() > 500, quality.ToString());
        Assert.Empty(quality.GetProperty("warnings").EnumerateArray());
        Assert.Equal(4, receipt.GetProperty("documents").GetInt32());

        // Served as soon as the response is back: the holder swapped before answering the upload.
        Assert.NotNull(factory.Services.GetRequiredService<AssistantHolder>().Stack!.Corpus.Find(NewPlan.Id));
        AnswersFromNewPlan(await AskAsync(client, NewPlan.Question));
        AnswersFromNewPlan(await AskAsync(client, NewPlan.Question, NewPlan.Id));
        await Answers.StillAnswersAsync(client);

        // Written as the CLI writes it: text export, manifest row and Markdown, so a restart serves the same plan.
        var corpus = factory.Corpus.CorpusPath;
        Assert.Contains(NewPlan.Fact, await File.ReadAllTextAsync(Path.Combine(corpus, "raw", NewPlan.Id + ".txt"), Ct));
        Assert.Contains(NewPlan.Number, await File.ReadAllTextAsync(Path.Combine(corpus, "raw", "manifest.tsv"), Ct));
        Assert.StartsWith("---\nid: \"" + NewPlan.Id + "\"", await File.ReadAllTextAsync(Path.Combine(corpus, NewPlan.Id + ".md"), Ct));
        using var documents = await client.GetAsync("/api/documents/" + NewPlan.Id, Ct);
        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
    }

    [Fact]
    public async Task Xem_trước_dryRun_trả_thông_tin_đọc_được_mà_không_ghi_gì()
    {
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();
        var before = await ServedState.TakeAsync(factory);

        using var response = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", new Dictionary<string, string> { ["dryRun"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.ReadJsonAsync();
        Assert.Equal("preview", receipt.Str("status"));
        Assert.Equal(NewPlan.Number, receipt.GetProperty("metadata").Str("number"));
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("url").ValueKind);
        await before.AssertUnchangedAsync(factory, client);
    }

    [Fact]
    public async Task Thông_tin_sửa_trong_biểu_mẫu_thay_cho_thông_tin_đọc_được_và_gửi_lại_với_replace_thì_sửa_kế_hoạch_đã_nhập()
    {
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();
        var markdown = Path.Combine(factory.Corpus.CorpusPath, NewPlan.Id + ".md");

        using (var first = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", new Dictionary<string, string>
               {
                   ["title"] = "Kế hoạch chuyển đổi số xã Tân Lập năm 2026",
                   ["locality"] = "xã Tân Lập, tỉnh Phú Thọ",
               }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            var metadata = (await first.ReadJsonAsync()).GetProperty("metadata");
            Assert.Equal("Kế hoạch chuyển đổi số xã Tân Lập năm 2026", metadata.Str("title"));
            Assert.Equal("xã Tân Lập, tỉnh Phú Thọ", metadata.Str("locality"));
            Assert.Equal(NewPlan.Number, metadata.Str("number"));
        }
        Assert.Contains("title: \"Kế hoạch chuyển đổi số xã Tân Lập năm 2026\"", await File.ReadAllTextAsync(markdown, Ct));

        // The same file again under the same id is refused unless it says it replaces the plan.
        using (var again = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", new Dictionary<string, string> { ["id"] = NewPlan.Id }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using (var corrected = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", new Dictionary<string, string>
               {
                   ["id"] = NewPlan.Id, ["replace"] = "true", ["date"] = "2026-03-06", ["title"] = "Kế hoạch chuyển đổi số xã Tân Lập năm 2026",
               }))
        {
            Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
            Assert.Equal(4, (await corrected.ReadJsonAsync()).GetProperty("documents").GetInt32());
        }
        Assert.Contains("date: \"2026-03-06\"", await File.ReadAllTextAsync(markdown, Ct));
        Assert.Equal("2026-03-06", factory.Services.GetRequiredService<AssistantHolder>().Stack!.Corpus.Find(NewPlan.Id)!.Info.Date);
    }

    [Fact]
    public async Task Kế_hoạch_đã_có_gửi_lại_ở_định_dạng_khác_bị_nhận_ra_trùng_theo_nội_dung()
    {
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();
        using (var first = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx"))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await ServedState.TakeAsync(factory);
        // The same words as a text file (the export the import kept), and the same Word file under another name.
        var asText = await File.ReadAllBytesAsync(Path.Combine(factory.Corpus.CorpusPath, "raw", NewPlan.Id + ".txt"), Ct);

        foreach (var (bytes, name) in new[] { (asText, "ban-go-lai.txt"), (NewPlan.Docx(), "ban-sao.docx") })
        {
            using var again = await client.UploadAsync(bytes, name);
            var detail = await ProblemAssert.IsVietnameseProblem(again, HttpStatusCode.Conflict, "Duplicate");
            Assert.Contains("trùng nội dung với kế hoạch đã có: " + NewPlan.Id, detail);
        }
        await before.AssertUnchangedAsync(factory, client);
    }

    [Fact]
    public async Task Không_lập_được_chỉ_mục_thì_trả_503_và_không_thay_đổi_gì_rồi_thử_lại_được()
    {
        BreakableIndex? index = null;
        await using var factory = new AssistantServerFactory(services: services =>
            services.AddSingleton<ISearchIndex>(sp => index = new BreakableIndex(ActivatorUtilities.CreateInstance<EmbeddedIndex>(sp))));
        using var client = await factory.CreateReadyClientAsync();
        var before = await ServedState.TakeAsync(factory);
        index!.Broken = true;

        using (var failed = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx"))
        {
            var detail = await ProblemAssert.IsVietnameseProblem(failed, HttpStatusCode.ServiceUnavailable, "NotServed");
            Assert.Contains("Không có gì thay đổi", detail);
        }
        await before.AssertUnchangedAsync(factory, client);
        Assert.Equal("ready", (await (await client.GetAsync("/health", Ct)).ReadJsonAsync()).Str("status"));

        index.Broken = false;
        using var retried = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        AnswersFromNewPlan(await AskAsync(client, NewPlan.Question, NewPlan.Id));
    }

    [Fact]
    public async Task Ảnh_chụp_trang_kế_hoạch_được_nhận_dạng_chữ_và_trả_lời()
    {
        OcrTools.SkipUnlessOcr();
        TestPdf.SkipUnlessFont();
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();
        var photo = TestPdf.PageImage(TestPdf.FromText(string.Join('\n', [.. NewPlan.IssuerCell, .. NewPlan.MottoCell, NewPlan.Text])), 1);

        using var response = await client.UploadAsync(photo, "anh-chup.png");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("OCR", (await response.ReadJsonAsync()).Str("format"));
        AnswersFromNewPlan(await AskAsync(client, NewPlan.Question, NewPlan.Id));
    }
}
