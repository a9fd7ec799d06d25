using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

public sealed class FeedbackEndpointTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    private async Task<(string ConversationId, string AnswerId)> AskAsync()
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, scope = TestCorpus.YenHoa });
        var answer = await response.ReadJsonAsync();
        return (answer.Str("conversationId"), answer.Str("answerId"));
    }

    private static HttpRequestMessage Export(string query = "", string? key = AssistantServerFactory.AdminKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/feedback" + query);
        if (key is not null) request.Headers.Add("X-Admin-Key", key);
        return request;
    }

    [Fact]
    public async Task Feedback_is_stored_with_its_question_and_exported_as_json()
    {
        var (conversationId, answerId) = await AskAsync();

        using var posted = await Client.PostJsonAsync("/api/feedback", new { conversationId, answerId, helpful = false, comment = "Thiếu số liệu năm 2026" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        using var export = await Client.SendAsync(Export(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var entry = (await export.ReadJsonAsync()).EnumerateArray().Single(e => e.Str("answerId") == answerId);
        Assert.Equal(conversationId, entry.Str("conversationId"));
        Assert.False(entry.GetProperty("helpful").GetBoolean());
        Assert.Equal("Thiếu số liệu năm 2026", entry.Str("comment"));
        Assert.Equal(TestCorpus.YenHoaQuestion, entry.Str("question"));
        Assert.True(File.Exists(Path.Combine(server.Factory.Corpus.DataPath, "feedback.db")));
    }

    [Fact]
    public async Task Rating_the_same_answer_again_replaces_the_judgement_instead_of_counting_twice()
    {
        var (conversationId, answerId) = await AskAsync();

        using var first = await Client.PostJsonAsync("/api/feedback", new { conversationId, answerId, helpful = true });
        using var changed = await Client.PostJsonAsync("/api/feedback", new { conversationId, answerId, helpful = false, comment = "Sai ngày" });

        Assert.Equal((await first.ReadJsonAsync()).GetProperty("id").GetInt64(), (await changed.ReadJsonAsync()).GetProperty("id").GetInt64());
        using var export = await Client.SendAsync(Export(), TestContext.Current.CancellationToken);
        var entry = Assert.Single((await export.ReadJsonAsync()).EnumerateArray(), e => e.Str("answerId") == answerId);
        Assert.False(entry.GetProperty("helpful").GetBoolean());
        Assert.Equal("Sai ngày", entry.Str("comment"));
        Assert.Equal(TestCorpus.YenHoaQuestion, entry.Str("question"));
    }

    [Fact]
    public async Task Export_as_csv_defuses_formulas()
    {
        var (conversationId, answerId) = await AskAsync();
        using var posted = await Client.PostJsonAsync("/api/feedback", new { conversationId, answerId, helpful = true, comment = "=HYPERLINK(\"x\")" });

        using var export = await Client.SendAsync(Export("?format=csv"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("id,created_at,conversation_id,answer_id,helpful,comment", csv.TrimStart('\uFEFF'));
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", csv);
    }

    [Fact]
    public async Task Export_without_the_admin_key_is_401_and_with_a_wrong_one_403()
    {
        using var missing = await Client.SendAsync(Export(key: null), TestContext.Current.CancellationToken);
        await ProblemAssert.IsVietnameseProblem(missing, HttpStatusCode.Unauthorized);

        using var wrong = await Client.SendAsync(Export(key: "doan-bua"), TestContext.Current.CancellationToken);
        await ProblemAssert.IsVietnameseProblem(wrong, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Export_in_an_unknown_format_is_400()
    {
        using var response = await Client.SendAsync(Export("?format=xml"), TestContext.Current.CancellationToken);
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }

    public static TheoryData<string> BadFeedback => new()
    {
        "{\"answerId\": \"abc\", \"helpful\": true}",
        "{\"conversationId\": \"abc\", \"helpful\": true}",
        "{\"conversationId\": \"abc\", \"answerId\": \"abc\"}",
        "{\"conversationId\": \"a b\", \"answerId\": \"abc\", \"helpful\": true}",
        "{\"conversationId\": \"abc\", \"answerId\": \"abc\", \"helpful\": \"có\"}",
        "{\"conversationId\": \"abc\", \"answerId\": \"abc\", \"helpful\": true, \"comment\": \"" + new string('x', 2100) + "\"}",
        "{không phải json",
    };

    [Theory]
    [MemberData(nameof(BadFeedback))]
    public async Task Bad_feedback_is_400(string body)
    {
        using var response = await Client.PostRawAsync("/api/feedback", body);
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }
}

public sealed class FeedbackExportDisabledTests
{
    [Fact]
    public async Task Without_a_configured_admin_key_the_export_is_off()
    {
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?> { ["Admin:ApiKey"] = "" });
        using var client = await factory.CreateReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feedback");
        request.Headers.Add("X-Admin-Key", "");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var detail = await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.NotFound);
        Assert.Contains("Admin__ApiKey", detail);
    }

    [Fact]
    public async Task Feedback_path_option_puts_the_database_where_configured()
    {
        var folder = Directory.CreateTempSubdirectory("kh57-feedback-");
        try
        {
            var path = Path.Combine(folder.FullName, "gop-y", "feedback.sqlite");
            await using var factory = new AssistantServerFactory(new Dictionary<string, string?> { ["Feedback:Path"] = path });
            using var client = await factory.CreateReadyClientAsync();

            using var response = await client.PostJsonAsync("/api/feedback", new { conversationId = "c1", answerId = "a1", helpful = true });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(File.Exists(path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
