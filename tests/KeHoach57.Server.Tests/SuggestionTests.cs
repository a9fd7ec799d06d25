using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

public sealed class SuggestionTests
{
    private static async Task<List<string>> QuestionsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/suggestions" + query, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("questions").EnumerateArray().Select(q => q.GetString()!).ToList();
    }

    [Fact]
    public async Task Curated_list_wins_else_questions_come_from_section_titles()
    {
        // Scopes the shipped appsettings.json has no list for, so only these settings are in play.
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?>
        {
            ["Widget:Suggestions:truong-giang:0"] = "Câu hỏi chọn sẵn một?",
            ["Widget:Suggestions:truong-giang:1"] = " ",
            ["Widget:Suggestions:truong-giang:2"] = "Câu hỏi chọn sẵn hai?",
            ["Widget:Suggestions:hostile-doc:0"] = "",
            ["Widget:MaxSuggestions"] = "3",
        });
        using var client = await factory.CreateReadyClientAsync();

        Assert.Equal(["Câu hỏi chọn sẵn một?", "Câu hỏi chọn sẵn hai?"], await QuestionsAsync(client, "?scope=truong-giang"));

        var generated = await QuestionsAsync(client, "?scope=" + TestCorpus.Hostile);
        Assert.InRange(generated.Count, 1, 3);
        Assert.Contains(generated, q => q.Contains("Đoạn thử an toàn"));
        Assert.All(generated, q => Assert.EndsWith("?", q));
    }

    [Fact]
    public async Task Without_scope_the_default_list_is_returned()
    {
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?>
        {
            ["Widget:Suggestions:default:0"] = "Câu hỏi chung?",
        });
        using var client = await factory.CreateReadyClientAsync();

        Assert.Equal("Câu hỏi chung?", (await QuestionsAsync(client, ""))[0]);
    }
}
