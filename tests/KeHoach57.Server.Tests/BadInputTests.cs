using System.Net;
using System.Text;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

/// <summary>Every malformed request gets a 4xx with a Vietnamese ProblemDetails body, never a 500.</summary>
public sealed class BadInputTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    public static TheoryData<string> AskRoutes => new() { "/api/ask", "/api/ask/stream" };

    [Theory]
    [MemberData(nameof(AskRoutes))]
    public async Task Malformed_json_is_400(string route)
    {
        using var response = await Client.PostRawAsync(route, "{\"question\": \"thiếu ngoặc");
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    [InlineData("{\"question\": 42}")]
    [InlineData("\"chỉ là chuỗi\"")]
    public async Task Body_that_is_not_an_ask_object_is_400(string body)
    {
        using var response = await Client.PostRawAsync("/api/ask", body);
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var bytes = new ByteArrayContent([.. "{\"question\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        bytes.Headers.ContentType = new("application/json");
        using var response = await Client.PostAsync("/api/ask", bytes, TestContext.Current.CancellationToken);
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task Empty_question_is_400(string question)
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { question });
        var detail = await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("trống", detail);
    }

    [Fact]
    public async Task Missing_question_is_400()
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { scope = TestCorpus.YenHoa });
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Question_over_10_KB_is_400_naming_the_limit()
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { question = new string('a', 10_500) });
        var detail = await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("quá dài", detail);
    }

    [Fact]
    public async Task Unknown_scope_is_400_listing_the_known_ones()
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, scope = "ha-noi" });
        var detail = await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains(TestCorpus.YenHoa, detail);
    }

    [Theory]
    [InlineData("có dấu cách")]
    [InlineData("<script>")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Malformed_conversation_id_is_400(string conversationId)
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, conversationId });
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Body_over_the_cap_is_413()
    {
        var body = "{\"question\": \"" + new string('x', 20_000) + "\"}";
        using var response = await Client.PostRawAsync("/api/ask", body);
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Chunked_body_over_the_cap_is_413_without_a_content_length()
    {
        // No Content-Length: the cap must hold while reading, not only on the header.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"question\": \"" + new string('x', 40_000) + "\"}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/ask", HttpStatusCode.MethodNotAllowed)]
    [InlineData("/api/khong-co", HttpStatusCode.NotFound)]
    [InlineData("/api/documents/khong-co", HttpStatusCode.NotFound)]
    [InlineData("/api/suggestions?scope=khong-co", HttpStatusCode.BadRequest)]
    public async Task Wrong_route_method_or_id_is_a_vietnamese_problem(string path, HttpStatusCode status)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        await ProblemAssert.IsVietnameseProblem(response, status);
    }
}
