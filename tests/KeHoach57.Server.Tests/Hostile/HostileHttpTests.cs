using System.Net;
using System.Text;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests.Hostile;

/// <summary>
/// Hostile HTTP: every request gets its status (and, for errors, a Vietnamese problem with a precise detail),
/// and the service still answers a good question afterwards.
/// </summary>
public sealed class HostileHttpTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private sealed record Case(HttpMethod Method, string Path, byte[]? Body, HttpStatusCode Status, string? Detail = null,
        string ContentType = "application/json", Action<HttpRequestMessage>? Tweak = null, Action<string>? Check = null);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Emoji(int count) => string.Concat(Enumerable.Repeat("😀", count));

    private static string Nested(int depth) => "{\"question\":\"x\",\"a\":" + new string('[', depth) + new string(']', depth) + "}";

    private static readonly string Q = TestCorpus.YenHoaQuestion;

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["thân 1 MB"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + new string('a', 1 << 20) + "\"}"), HttpStatusCode.RequestEntityTooLarge, "giới hạn"),
        ["JSON cụt"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\": \"Tỷ lệ hồ sơ"), HttpStatusCode.BadRequest, "JSON"),
        ["question là số"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\": 42}"), HttpStatusCode.BadRequest, "JSON"),
        ["question là mảng"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\": [\"a\"]}"), HttpStatusCode.BadRequest, "JSON"),
        ["question là đối tượng"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\": {\"$ne\": null}}"), HttpStatusCode.BadRequest, "JSON"),
        ["scope là số"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\": \"" + Q + "\", \"scope\": 7}"), HttpStatusCode.BadRequest, "JSON"),
        ["lồng 5.000 tầng"] = new(HttpMethod.Post, "/api/ask", Utf8(Nested(5000)), HttpStatusCode.BadRequest, "JSON"),
        ["lồng 60 tầng, câu hỏi hợp lệ"] = new(HttpMethod.Post, "/api/ask", Utf8(Nested(60).Replace("\"x\"", "\"" + Q + "\"")), HttpStatusCode.OK),
        ["không phải UTF-8"] = new(HttpMethod.Post, "/api/ask", [.. "{\"question\":\"T"u8, 0xF4, 0x20, 0xEA, 0xF1, .. "\"}"u8], HttpStatusCode.BadRequest, "JSON"),
        ["UTF-16"] = new(HttpMethod.Post, "/api/ask", Encoding.Unicode.GetBytes("{\"question\":\"" + Q + "\"}"), HttpStatusCode.BadRequest, "JSON"),
        ["thân rỗng"] = new(HttpMethod.Post, "/api/ask", [], HttpStatusCode.BadRequest, "Thiếu nội dung"),
        ["null"] = new(HttpMethod.Post, "/api/ask", Utf8("null"), HttpStatusCode.BadRequest, "JSON"),
        ["ký tự điều khiển"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"\\u0001\\u0002\\u0007\\u001b\\u007f\"}"), HttpStatusCode.BadRequest, "không có chữ"),
        ["chỉ có dấu vô hình"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"\u200B\u200D\uFEFF\"}"), HttpStatusCode.BadRequest, "trống"),
        ["ký tự hai chiều"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"\u202E" + Q + "\u202C\"}"), HttpStatusCode.OK),
        ["NUL giữa câu"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"Tỷ lệ\\u0000 hồ sơ trực tuyến đạt bao nhiêu?\"}"), HttpStatusCode.OK),
        ["thẻ script"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"<script>alert(1)</script><img src=x onerror=alert(2)> " + Q + "\"}"), HttpStatusCode.OK,
            Check: body => Assert.DoesNotContain("<script>", body)),
        ["10.000 emoji"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Emoji(10_000) + "\"}"), HttpStatusCode.RequestEntityTooLarge, "giới hạn"),
        ["2.000 emoji"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Emoji(2_000) + "\"}"), HttpStatusCode.BadRequest, "quá dài"),
        ["thiếu Content-Type"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Q + "\"}"), HttpStatusCode.UnsupportedMediaType, "application/json", ContentType: ""),
        ["Content-Type lạ"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Q + "\"}"), HttpStatusCode.UnsupportedMediaType, "application/json", ContentType: "application/xml"),
        ["100 tiêu đề rác"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Q + "\"}"), HttpStatusCode.OK,
            Tweak: r => { for (var i = 0; i < 100; i++) r.Headers.TryAddWithoutValidation($"X-Rac-{i}", new string('r', 200)); }),
        ["X-Forwarded-For giả"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Q + "\"}"), HttpStatusCode.OK,
            Tweak: r => r.Headers.TryAddWithoutValidation("X-Forwarded-For", "1.2.3.4, 5.6.7.8")),
        ["PUT /api/ask"] = new(HttpMethod.Put, "/api/ask", Utf8("{}"), HttpStatusCode.MethodNotAllowed, "phương thức"),
        ["GET /api/ask"] = new(HttpMethod.Get, "/api/ask", null, HttpStatusCode.MethodNotAllowed, "phương thức"),
        ["DELETE tài liệu"] = new(HttpMethod.Delete, "/api/documents/yen-hoa", null, HttpStatusCode.MethodNotAllowed, "phương thức"),
        ["PATCH góp ý"] = new(HttpMethod.Patch, "/api/feedback", Utf8("{}"), HttpStatusCode.MethodNotAllowed, "phương thức"),
        ["đường dẫn vượt thư mục"] = new(HttpMethod.Get, "/api/documents/..%2F..%2Fetc%2Fpasswd", null, HttpStatusCode.NotFound, "Không có văn bản"),
        ["mã văn bản là thẻ script"] = new(HttpMethod.Get, "/api/documents/%3Cscript%3E", null, HttpStatusCode.NotFound, "Không có văn bản",
            Check: body => Assert.DoesNotContain("<script>", body)),
        ["mã văn bản 10.000 ký tự"] = new(HttpMethod.Get, "/api/documents/" + new string('a', 10_000), null, HttpStatusCode.NotFound, "…"),
        ["phạm vi gợi ý 5.000 ký tự"] = new(HttpMethod.Get, "/api/suggestions?scope=" + new string('z', 5_000), null, HttpStatusCode.BadRequest, "Không có kế hoạch"),
        ["phạm vi vượt thư mục"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Q + "\",\"scope\":\"../../etc/passwd\"}"), HttpStatusCode.BadRequest, "Không có kế hoạch"),
        ["mã hội thoại có dấu"] = new(HttpMethod.Post, "/api/ask", Utf8("{\"question\":\"" + Q + "\",\"conversationId\":\"hội-thoại\"}"), HttpStatusCode.BadRequest, "conversationId"),
        ["góp ý 100 KB"] = new(HttpMethod.Post, "/api/feedback", Utf8("{\"conversationId\":\"c\",\"answerId\":\"a\",\"helpful\":true,\"comment\":\"" + new string('x', 100_000) + "\"}"),
            HttpStatusCode.RequestEntityTooLarge, "giới hạn"),
        ["helpful là chữ"] = new(HttpMethod.Post, "/api/feedback", Utf8("{\"conversationId\":\"c\",\"answerId\":\"a\",\"helpful\":\"có\"}"), HttpStatusCode.BadRequest, "JSON"),
        ["góp ý là công thức bảng tính"] = new(HttpMethod.Post, "/api/feedback", Utf8("{\"conversationId\":\"c\",\"answerId\":\"a\",\"helpful\":false,\"comment\":\"=cmd|' /C calc'!A0\"}"), HttpStatusCode.OK),
        ["luồng: JSON cụt"] = new(HttpMethod.Post, "/api/ask/stream", Utf8("{\"question\":"), HttpStatusCode.BadRequest, "JSON"),
        ["luồng: form"] = new(HttpMethod.Post, "/api/ask/stream", Utf8("question=x"), HttpStatusCode.UnsupportedMediaType, "application/json", ContentType: "application/x-www-form-urlencoded"),
        ["xuất góp ý sai khóa"] = new(HttpMethod.Get, "/api/feedback", null, HttpStatusCode.Forbidden, "không đúng",
            Tweak: r => r.Headers.Add("X-Admin-Key", "doan-bua")),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Yêu_cầu_thù_địch_được_trả_lời_rõ_và_dịch_vụ_vẫn_chạy(string name)
    {
        var c = Cases[name];
        using var request = new HttpRequestMessage(c.Method, c.Path);
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            if (c.ContentType.Length > 0) request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }
        c.Tweak?.Invoke(request);

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        if ((int)c.Status >= 400)
        {
            var detail = await ProblemAssert.IsVietnameseProblem(response, c.Status);
            if (c.Detail is not null) Assert.Contains(c.Detail, detail, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Equal(c.Status, response.StatusCode);
        }
        c.Check?.Invoke(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await Answers.StillAnswersAsync(server.Client);
    }
}
