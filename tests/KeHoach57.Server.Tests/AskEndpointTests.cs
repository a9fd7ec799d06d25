using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

public sealed class AskEndpointTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task Ask_returns_the_batch_contract_plus_conversation_and_answer_ids()
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, scope = TestCorpus.YenHoa });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(answer.Str("answer")));
        Assert.True(answer.GetProperty("latency_ms").GetDouble() >= 0);
        Assert.Matches("^[0-9a-f]{64}$", answer.Str("conversationId"));
        Assert.Matches("^[0-9a-f]{32}$", answer.Str("answerId"));
        var citations = answer.Citations().ToList();
        Assert.NotEmpty(citations);
        foreach (var citation in citations)
        {
            foreach (var field in new[] { "doc", "title", "section", "quote", "passage", "chunk" })
                Assert.True(citation.TryGetProperty(field, out _), $"citation lacks {field}");
            Assert.Equal(TestCorpus.YenHoa, citation.Str("doc"));
            Assert.StartsWith(TestCorpus.YenHoa + "/", citation.Str("chunk"));
        }
        Assert.Contains(citations, c => c.Str("passage").Contains(TestCorpus.YenHoaFact));
    }

    [Fact]
    public async Task Follow_up_in_the_same_conversation_keeps_its_scope()
    {
        using var first = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.TruongGiangQuestion, scope = TestCorpus.TruongGiang });
        var conversationId = (await first.ReadJsonAsync()).Str("conversationId");

        // No scope given: the conversation's (truong-giang) applies, though "công nghệ số" also matches yen-hoa.
        using var followUp = await Client.PostJsonAsync("/api/ask", new { question = "Tổ công nghệ số cộng đồng được thành lập ở bao nhiêu thôn?", conversationId });

        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        var answer = await followUp.ReadJsonAsync();
        Assert.Equal(conversationId, answer.Str("conversationId"));
        Assert.NotEmpty(answer.Citations());
        Assert.All(answer.Citations(), c => Assert.Equal(TestCorpus.TruongGiang, c.Str("doc")));
    }

    [Fact]
    public async Task A_client_chosen_conversation_id_is_replaced_by_one_the_server_issues()
    {
        using var response = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, conversationId = "portal-session_42" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = (await response.ReadJsonAsync()).Str("conversationId");
        Assert.NotEqual("portal-session_42", issued);
        Assert.Matches("^[0-9a-f]{64}$", issued);
    }

    [Fact]
    public async Task Every_answer_gets_a_new_answer_id()
    {
        using var a = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
        using var b = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });

        Assert.NotEqual((await a.ReadJsonAsync()).Str("answerId"), (await b.ReadJsonAsync()).Str("answerId"));
    }
}
