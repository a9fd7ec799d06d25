using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

/// <summary>Over real sockets, since the in-memory test server has no client address to forward.</summary>
public sealed class ProxyRateLimitTests
{
    /// <summary>Runs <paramref name="test"/> against a server allowing one question per client.</summary>
    private static async Task WithServerAsync(bool trustLoopbackProxy, Func<HttpClient, Task> test)
    {
        var settings = new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "1", ["RateLimit:WindowSeconds"] = "3600" };
        if (trustLoopbackProxy) settings["Server:KnownProxies:0"] = "127.0.0.1";
        await using var server = LoopbackServer.With(settings);
        await server.InitializeAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        await test(client);
    }

    private static async Task<HttpStatusCode> AskAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask")
        {
            Content = new StringContent($"{{\"question\": \"{TestCorpus.YenHoaQuestion}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit() => WithServerAsync(trustLoopbackProxy: true, async client =>
    {
        Assert.Equal(HttpStatusCode.OK, await AskAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(client, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(client, "203.0.113.1"));
    });

    [Fact]
    public Task Without_known_proxies_a_forwarded_header_cannot_buy_a_fresh_limit() => WithServerAsync(trustLoopbackProxy: false, async client =>
    {
        Assert.Equal(HttpStatusCode.OK, await AskAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(client, "203.0.113.2"));
    });
}
