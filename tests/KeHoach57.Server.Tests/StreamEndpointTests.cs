using System.Net;
using System.Text.Json;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

public sealed class StreamEndpointTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task Stream_sends_answer_then_one_citation_event_each_then_done()
    {
        using var response = await Client.PostJsonAsync("/api/ask/stream", new { question = TestCorpus.YenHoaQuestion, scope = TestCorpus.YenHoa });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = Sse.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("answer", events[0].Event);
        Assert.Equal("done", events[^1].Event);
        var answer = JsonDocument.Parse(events[0].Data).RootElement;
        Assert.True(answer.GetProperty("answered").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(answer.Str("answer")));
        var citations = events.Where(e => e.Event == "citation").Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
        Assert.Equal(answer.GetProperty("citationCount").GetInt32(), citations.Count);
        Assert.Equal(events.Count - 2, citations.Count);
        Assert.Equal(Enumerable.Range(1, citations.Count), citations.Select(c => c.GetProperty("index").GetInt32()));
        Assert.Contains(citations, c => c.Str("passage").Contains(TestCorpus.YenHoaFact));
        Assert.Equal(answer.Str("answerId"), JsonDocument.Parse(events[^1].Data).RootElement.Str("answerId"));
    }

    [Fact]
    public async Task Every_citation_link_lands_on_an_element_of_the_document_page()
    {
        using var response = await Client.PostJsonAsync("/api/ask/stream", new { question = TestCorpus.YenHoaQuestion });
        var events = Sse.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        foreach (var citation in events.Where(e => e.Event == "citation").Select(e => JsonDocument.Parse(e.Data).RootElement))
        {
            var url = citation.Str("url");
            var chunk = citation.Str("chunk");
            var anchor = chunk[(chunk.IndexOf('/') + 1)..];
            Assert.StartsWith($"/documents/{citation.Str("doc")}?highlight=", url);
            Assert.EndsWith("#chunk-" + Uri.EscapeDataString(anchor), url);

            var page = await Client.GetStringAsync(url.Split('#')[0], TestContext.Current.CancellationToken);
            Assert.Contains($"id=\"chunk-{anchor}\"", page);
        }
    }

    [Fact]
    public async Task Stream_rejects_bad_input_before_streaming_with_a_vietnamese_400()
    {
        using var response = await Client.PostJsonAsync("/api/ask/stream", new { question = "   " });

        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }
}

/// <summary>Reads a whole text/event-stream body into its events.</summary>
public static class Sse
{
    public sealed record Item(string Event, string Data);

    public static IReadOnlyList<Item> Parse(string body) =>
        body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block =>
            {
                var lines = block.Split('\n');
                var name = lines.FirstOrDefault(l => l.StartsWith("event:"))?["event:".Length..].Trim() ?? "message";
                var data = string.Join("\n", lines.Where(l => l.StartsWith("data:")).Select(l => l["data:".Length..].TrimStart(' ')));
                return new Item(name, data);
            })
            .ToList();
}
