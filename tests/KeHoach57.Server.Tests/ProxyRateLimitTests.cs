using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

/// <summary>Over real sockets, since the in-memory test server has no client address to forward.</summary>
public sealed class ProxyRateLimitTests
{
    private static Dictionary<string, string?> OnePerClient(bool trustLoopbackProxy)
    {
        var settings = new Dictionary<string, string?> { ["RateLimit:PermitLimit"] = "1", ["RateLimit:WindowSeconds"] = "3600" };
        if (trustLoopbackProxy) settings["Server:KnownProxies:0"] = "127.0.0.1";
        return settings;
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
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var server = LoopbackServer.With(OnePerClient(trustLoopbackProxy: true));
        await server.InitializeAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, await AskAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await AskAsync(client, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(client, "203.0.113.1"));
    }

    [Fact]
    public async Task Without_known_proxies_a_forwarded_header_cannot_buy_a_fresh_limit()
    {
        await using var server = LoopbackServer.With(OnePerClient(trustLoopbackProxy: false));
        await server.InitializeAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        Assert.Equal(HttpStatusCode.OK, await AskAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AskAsync(client, "203.0.113.2"));
    }
}
