using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

public sealed class SecurityTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/ask/stream");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    [Fact]
    public async Task Allowed_origin_passes_cors_preflight()
    {
        using var response = await Client.SendAsync(Preflight(AssistantServerFactory.AllowedOrigin), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(AssistantServerFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Other_origin_gets_no_cors_grant()
    {
        using var response = await Client.SendAsync(Preflight("https://evil.example"), TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Allowed_origin_can_read_answers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent(new { question = TestCorpus.YenHoaQuestion }) };
        request.Headers.Add("Origin", AssistantServerFactory.AllowedOrigin);

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AssistantServerFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/documents/" + TestCorpus.YenHoa)]
    public async Task Html_pages_carry_a_csp_whose_frame_ancestors_is_the_allowlist(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"frame-ancestors 'self' {AssistantServerFactory.AllowedOrigin}", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public void Frame_ancestors_drops_values_that_could_inject_directives()
    {
        var value = KeHoach57.Server.Infrastructure.SecurityHeaders.FrameAncestors(
            ["https://ok.example/", "https://x.example; script-src *", "javascript:alert(1)", "https://path.example/a"]);

        Assert.Equal("'self' https://ok.example", value);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
