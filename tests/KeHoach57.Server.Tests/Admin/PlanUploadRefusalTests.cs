using System.Net;
using System.Text;
using KeHoach57.Ingestion.Tests.Formats;
using KeHoach57.Server.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KeHoach57.Server.Tests.Admin;

/// <summary>A server whose import limits are small (256 KB a file, 8 MB unpacked), so the limits are tested without sending megabytes.</summary>
public sealed class SmallLimitServer : IAsyncLifetime
{
    public const int MaxFileBytes = 256 * 1024;

    public AssistantServerFactory Factory { get; } = new(new Dictionary<string, string?>
    {
        ["Import:MaxFileBytes"] = MaxFileBytes.ToString(),
        ["Import:MaxUnpackedBytes"] = (8 * 1024 * 1024).ToString(),
    });

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Client = await Factory.CreateReadyClientAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>
/// Files that must not become plans, and requests that must not import anything, sent to the upload endpoint:
/// each gets its status and a Vietnamese reason (with the import's reason code), and corpus/, the index and
/// the answers stay exactly as they were. The checks are the CLI import's own (DocumentImporter).
/// </summary>
public sealed class PlanUploadRefusalTests(SmallLimitServer server) : IClassFixture<SmallLimitServer>
{
    private const string Upload = "/api/admin/plans";

    public static TheoryData<string> BadFiles => new()
    {
        "pdf-cut-short", "zip-bomb-as-docx", "zero-bytes", "over-the-size-limit", "password-pdf", "not-a-plan", "english-text",
        "executable", "id-taken", "bad-date",
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Tệp_hỏng_hoặc_không_hợp_lệ_bị_từ_chối_rõ_lý_do_và_không_thay_đổi_gì(string name)
    {
        var (bytes, fileName, fields, status, code, reason) = Case(name);
        var before = await ServedState.TakeAsync(server.Factory);

        using var response = await server.Client.UploadAsync(bytes, fileName, fields);

        Assert.Contains(reason, await ProblemAssert.IsVietnameseProblem(response, status, code));
        await before.AssertUnchangedAsync(server.Factory, server.Client);
    }

    private static (byte[] Bytes, string Name, Dictionary<string, string>? Fields, HttpStatusCode Status, string Code, string Reason) Case(string name) => name switch
    {
        "pdf-cut-short" => (Pdf()[..^200], "ke-hoach.pdf", null, HttpStatusCode.UnprocessableEntity, "Damaged", "bị cắt cụt"),
        "zip-bomb-as-docx" => (Ingestion.Tests.Formats.BadFiles.ZipBomb(32L * 1024 * 1024), "ke-hoach.docx", null, HttpStatusCode.UnprocessableEntity, "TooManyParts", "bom nén"),
        "zero-bytes" => ([], "ke-hoach.pdf", null, HttpStatusCode.BadRequest, "EmptyFile", "rỗng (0 byte)"),
        "over-the-size-limit" => (new byte[SmallLimitServer.MaxFileBytes + 1], "ke-hoach.pdf", null, HttpStatusCode.RequestEntityTooLarge, "TooLarge", "vượt giới hạn 256 KB"),
        "password-pdf" => (Ingestion.Tests.Formats.BadFiles.PasswordProtectedPdf(), "mat-khau.pdf", null, HttpStatusCode.UnprocessableEntity, "Encrypted", "mật khẩu"),
        "not-a-plan" => (Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
                "Cách nấu phở bò: xương bò rửa sạch, chần qua nước sôi rồi ninh nhỏ lửa trong sáu tiếng. Gừng và hành nướng thơm " +
                "cho vào nồi nước dùng cùng quế, hồi, thảo quả. Bánh phở trụng qua nước sôi, xếp vào bát, thêm thịt bò thái mỏng.\n", 4))),
            "pho-bo.txt", null, HttpStatusCode.UnprocessableEntity, "NotAPlan", "không giống một kế hoạch"),
        "english-text" => (Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
                "The provincial committee shall implement the digital transformation programme and report quarterly progress. ", 6))),
            "plan-en.txt", null, HttpStatusCode.UnprocessableEntity, "NotVietnamese", "không giống văn bản tiếng Việt"),
        "executable" => ([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[4000]], "ke-hoach.pdf", null,
            HttpStatusCode.UnsupportedMediaType, "UnknownType", "Không nhận ra loại tệp"),
        "id-taken" => (NewPlan.Docx(), "ke-hoach.docx", new() { ["id"] = TestCorpus.YenHoa }, HttpStatusCode.Conflict, "IdTaken", "đã được dùng"),
        "bad-date" => (NewPlan.Docx(), "ke-hoach.docx", new() { ["date"] = "05/03/2026" }, HttpStatusCode.BadRequest, "InvalidMetadata", "năm-tháng-ngày"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>A small, whole PDF in a font every PDF reader has (Helvetica): enough to cut short.</summary>
    private static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        for (var line = 0; line < 40; line++) page.AddText($"Ke hoach chuyen doi so, dong {line}", 10, new PdfPoint(50, 800 - line * 16), font);
        return builder.Build();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "Cần khóa quản trị")]
    [InlineData("", HttpStatusCode.Unauthorized, "Cần khóa quản trị")]
    [InlineData("doan-bua", HttpStatusCode.Forbidden, "không đúng")]
    [InlineData(AssistantServerFactory.AdminKey + " ", HttpStatusCode.Forbidden, "không đúng")]
    public async Task Thiếu_hoặc_sai_khóa_quản_trị_thì_không_đọc_tệp_và_không_thay_đổi_gì(string? key, HttpStatusCode status, string reason)
    {
        var before = await ServedState.TakeAsync(server.Factory);

        using var response = await server.Client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", key: key);

        Assert.Contains(reason, await ProblemAssert.IsVietnameseProblem(response, status));
        await before.AssertUnchangedAsync(server.Factory, server.Client);
    }

    [Fact]
    public async Task Máy_chủ_chưa_cấu_hình_khóa_thì_chức_năng_tắt_hẳn_không_bao_giờ_mở()
    {
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?> { ["Admin:ApiKey"] = "" });
        using var client = await factory.CreateReadyClientAsync();
        var before = await ServedState.TakeAsync(factory);

        foreach (var key in new[] { null, "", "bat-ky" })
        {
            using var response = await client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", key: key);
            Assert.Contains("đang tắt", await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.NotFound));
        }
        await before.AssertUnchangedAsync(factory, client);
    }

    [Fact]
    public async Task Không_phải_multipart_thì_415_và_hướng_dẫn_cách_gửi()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Upload) { Content = new ByteArrayContent(NewPlan.Docx()) };
        request.Content.Headers.ContentType = new("application/octet-stream");
        request.Headers.Add("X-Admin-Key", AssistantServerFactory.AdminKey);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains("multipart/form-data", await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.UnsupportedMediaType));
    }

    [Theory]
    [InlineData("tai-lieu", "trong trường \"file\"")]
    [InlineData(null, "Thiếu tệp")]
    public async Task Tệp_sai_trường_hoặc_thiếu_tệp_thì_400(string? fileField, string reason)
    {
        var form = new MultipartFormDataContent { { new StringContent("Kế hoạch"), "title" } };
        if (fileField is not null) form.Add(new ByteArrayContent(NewPlan.Docx()), fileField, "ke-hoach.docx");
        using var request = new HttpRequestMessage(HttpMethod.Post, Upload) { Content = form };
        request.Headers.Add("X-Admin-Key", AssistantServerFactory.AdminKey);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains(reason, await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("tittle", "Kế hoạch", "không có trong biểu mẫu")]
    [InlineData("dryRun", "có lẽ", "true hoặc false")]
    public async Task Trường_lạ_hoặc_công_tắc_sai_thì_400_chứ_không_lặng_lẽ_bỏ_qua(string field, string value, string reason)
    {
        using var response = await server.Client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", new Dictionary<string, string> { [field] = value });

        Assert.Contains(reason, await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest));
    }
}
