using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Client_over_its_limit_gets_a_vietnamese_429_with_retry_after()
    {
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?>
        {
            ["RateLimit:PermitLimit"] = "2",
            ["RateLimit:WindowSeconds"] = "3600",
        });
        using var client = await factory.CreateReadyClientAsync();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var limited = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });

        var detail = await ProblemAssert.IsVietnameseProblem(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("thử lại", detail);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Cheap reads and the health probe are not counted against the client.
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var documents = await client.GetAsync("/api/documents", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
    }
}
