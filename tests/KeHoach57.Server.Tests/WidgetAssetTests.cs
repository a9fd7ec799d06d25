using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

public sealed class WidgetAssetTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task Widget_script_is_served_as_javascript()
    {
        using var response = await Client.GetAsync("/widget.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("attachShadow", script);
        Assert.Contains("/api/ask/stream", script);
    }

    [Fact]
    public async Task Demo_portal_embeds_the_widget_with_one_script_tag()
    {
        var html = await Client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("Cổng thông tin điện tử xã Yên Hòa", html);
        Assert.Contains("<script src=\"/widget.js\" data-scope=\"yen-hoa\"", html);
    }

    [Theory]
    [InlineData("/assets/document.js")]
    [InlineData("/assets/document.css")]
    [InlineData("/assets/portal.css")]
    [InlineData("/demo/hostile.html")]
    public async Task Static_assets_are_served(string path)
    {
        using var response = await Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
