using System.Net.Http.Headers;
using System.Text;
using KeHoach57.Ingestion.Import;
using KeHoach57.Ingestion.Tests.Formats;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>
/// A plan that is not in <see cref="TestCorpus"/>, as an office would send it (Word, with the issuer and motto
/// in the header table), and the way an administrator uploads a file. Facts here are what tests may assert on.
/// </summary>
public static class NewPlan
{
    public const string Id = "tan-lap";
    public const string Question = "Xã Tân Lập lắp wifi công cộng tại nhà văn hóa thôn trước ngày nào?";
    public const string Fact = "31/10/2026";
    public const string Number = "27/KH-UBND";

    public static readonly string[] IssuerCell = ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "Số: " + Number];
    public static readonly string[] MottoCell = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tân Lập, ngày 5 tháng 3 năm 2026"];

    /// <summary>The body as a text export lays it out.</summary>
    public const string Text = """
        KẾ HOẠCH
        Chuyển đổi số và phát triển hạ tầng số xã Tân Lập năm 2026

        Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ,
        đổi mới sáng tạo và chuyển đổi số quốc gia, Ủy ban nhân dân xã Tân Lập ban hành Kế hoạch triển khai như sau:

        I. MỤC TIÊU

        1. Mục tiêu chung

        Đẩy mạnh chuyển đổi số trong quản lý, điều hành của chính quyền xã và trong phục vụ người dân, doanh nghiệp.

        2. Mục tiêu cụ thể

        Xã Tân Lập hoàn thành lắp đặt điểm phát sóng wifi công cộng miễn phí tại 100% nhà văn hóa thôn trước ngày 31/10/2026.

        II. NHIỆM VỤ VÀ GIẢI PHÁP

        Tổ chức tập huấn kỹ năng số cho cán bộ, công chức và người dân; triển khai thanh toán không dùng tiền mặt tại chợ Tân Lập.

        III. TỔ CHỨC THỰC HIỆN

        Công chức Văn hóa - Xã hội chủ trì, phối hợp với các thôn thực hiện kế hoạch; báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/12/2026.
        """;

    public static byte[] Docx() => TestDocx.FromPlan(PlanImporter.Import(Text, Id, Id + ".txt"), IssuerCell, MottoCell);

    /// <summary>POST /api/admin/plans with the file in "file" and the given text fields; the admin key unless told otherwise.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string fileName,
        IReadOnlyDictionary<string, string>? fields = null, string? key = AssistantServerFactory.AdminKey, CancellationToken cancellationToken = default)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value, Encoding.UTF8), name);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/plans") { Content = form };
        if (key is not null) request.Headers.Add("X-Admin-Key", key);
        return client.SendAsync(request, cancellationToken == default ? TestContext.Current.CancellationToken : cancellationToken);
    }
}
