using System.Net;
using System.Text;
using System.Text.Json;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Channels.Zalo;
using KeHoach57.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Channels.Tests;

/// <summary>The server's Zalo webhook end to end: a signed event posted as Zalo posts it, the reply read back from the fake OA API.</summary>
public sealed class ZaloWebhookTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private FakeZaloApi _zalo = null!;
    private AssistantServer? _server;

    public async ValueTask InitializeAsync() => _zalo = await FakeZaloApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await _zalo.DisposeAsync();
        _corpus.Dispose();
    }

    private AssistantServer Server(Action<Dictionary<string, string?>>? tweak = null)
    {
        if (_server is not null) return _server;
        var settings = AssistantServer.ZaloSettings(_corpus, _zalo);
        tweak?.Invoke(settings);
        return _server = new AssistantServer(settings);
    }

    private async Task<HttpStatusCode> SendAsync(string userId, string text, string? messageId = null)
    {
        var (body, signature) = FakeZaloApi.SignedText(userId, text, messageId ?? Guid.NewGuid().ToString("N"));
        return (await Server().PostZaloAsync(body, signature)).StatusCode;
    }

    private Task<ConversationState> StateAsync(string userId) =>
        Server().Services.GetRequiredService<ConversationService>().GetAsync($"zalo:{userId}");

    [Fact]
    public async Task Signed_text_is_answered_through_the_oa_api_as_plain_text()
    {
        Assert.Equal(HttpStatusCode.OK, await SendAsync("u-1", "Hạn báo cáo 6 tháng là ngày nào?"));

        var sent = Assert.Single(await _zalo.WaitForMessagesAsync(1));
        Assert.Equal("u-1", sent.UserId);
        Assert.Equal("access-1", sent.AccessToken);
        Assert.InRange(sent.Text.Length, 1, ZaloOptions.MessageLimit);
        Assert.Contains("[1]", sent.Text);
        Assert.Contains("nguồn", sent.Text);
        Assert.DoesNotContain("&lt;", sent.Text);
        Assert.DoesNotContain("&amp;", sent.Text);
    }

    [Fact]
    public async Task With_a_public_address_the_answer_carries_a_button_per_source_page()
    {
        Server(s => s["Zalo:PublicBaseUrl"] = "https://tro-ly.example.gov.vn");
        Assert.Equal(HttpStatusCode.OK, await SendAsync("u-b", "Hạn báo cáo 6 tháng là ngày nào?"));

        var sent = Assert.Single(await _zalo.WaitForMessagesAsync(1));
        Assert.Empty(_zalo.Refused);
        Assert.DoesNotContain("http", sent.Text);
        Assert.InRange(sent.UrlButtons.Count, 1, ZaloClient.MaxButtons);
        Assert.StartsWith("[1] ", sent.UrlButtons[0].Title);
        Assert.All(sent.UrlButtons, b => Assert.StartsWith("https://tro-ly.example.gov.vn/documents/", b.Url));
        Assert.Contains("#chunk-", sent.UrlButtons[0].Url);
    }

    [Fact]
    public async Task When_zalo_refuses_buttons_the_same_text_goes_out_plain_then_the_addresses()
    {
        _zalo.RejectButtons = true;
        Server(s => s["Zalo:PublicBaseUrl"] = "https://tro-ly.example.gov.vn");
        Assert.Equal(HttpStatusCode.OK, await SendAsync("u-f", "Hạn báo cáo 6 tháng là ngày nào?"));

        var sent = await _zalo.WaitForMessagesAsync(2);
        Assert.Single(_zalo.Refused);
        Assert.All(sent, m => Assert.Empty(m.UrlButtons));
        Assert.Contains("[1]", sent[0].Text);
        Assert.DoesNotContain("http", sent[0].Text);
        Assert.StartsWith("Xem văn bản gốc:\n[1] ", sent[1].Text);
        Assert.Contains("https://tro-ly.example.gov.vn/documents/", sent[1].Text);
    }

    [Fact]
    public async Task Forged_or_unsigned_events_are_refused()
    {
        var (body, signature) = FakeZaloApi.SignedText("u-2", "Hạn báo cáo?", "m-2");
        var (_, wrongKey) = FakeZaloApi.SignedText("u-2", "Hạn báo cáo?", "m-2", secret: "not-the-oa-secret");
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"u-2\"", "\"u-9\""));
        var otherApp = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(FakeZaloApi.AppId, "999"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Server().PostZaloAsync(body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server().PostZaloAsync(body, wrongKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server().PostZaloAsync(body, "mac=" + new string('0', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server().PostZaloAsync(tampered, signature)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server().PostZaloAsync(otherApp, signature)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Server().PostZaloAsync("{not json"u8.ToArray(), signature)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Server().PostZaloAsync(body, signature)).StatusCode);

        Assert.Single(await _zalo.WaitForMessagesAsync(1));
    }

    [Fact]
    public async Task Server_without_zalo_secrets_refuses_events()
    {
        Server(s => s["Zalo:SecretKey"] = "");
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync("u-3", "Hạn báo cáo?"));
    }

    [Fact]
    public async Task Keywords_show_and_set_the_scope_with_or_without_diacritics()
    {
        await SendAsync("u-4", "phạm vi");
        await SendAsync("u-4", "pham vi tinh-a");
        await SendAsync("u-4", "Phạm vi không-có-mã");

        var sent = await _zalo.WaitForMessagesAsync(3);
        Assert.Contains("yen-hoa", sent[0].Text);
        Assert.Contains("tinh-a", sent[0].Text);
        Assert.Contains("phạm vi", sent[0].Text);
        Assert.Contains("tinh-a", sent[1].Text);
        Assert.Contains("không-có-mã", sent[2].Text);
        Assert.Equal("tinh-a", (await StateAsync("u-4")).Scope);
    }

    [Fact]
    public async Task Nguon_sends_the_full_sources_each_message_under_2000_characters()
    {
        await SendAsync("u-5", $"Triển khai {TestCorpus.LongTopic} thế nào?");
        await SendAsync("u-5", "nguon");
        await SendAsync("u-5", "trợ giúp");

        var sent = await Eventually.WaitAsync(() => _zalo.Sent, s => s.Any(m => m.Text.Contains("Cách dùng")), "the help after the sources");
        var sources = sent.Skip(1).TakeWhile(m => !m.Text.Contains("Cách dùng")).ToList();
        // Splitting itself is MessageSplitter's spec; here: the full passages arrive, no message over Zalo's limit.
        Assert.NotEmpty(sources);
        Assert.All(sent, m => Assert.InRange(m.Text.Length, 1, ZaloOptions.MessageLimit));
        Assert.Contains(TestCorpus.LongTopic, string.Concat(sources.Select(m => m.Text)));
    }

    [Fact]
    public async Task Redelivered_event_is_answered_once()
    {
        var (body, signature) = FakeZaloApi.SignedText("u-6", "Hạn báo cáo 6 tháng là ngày nào?", "msg-dup");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await Server().PostZaloAsync(body, signature)).StatusCode);
        await SendAsync("u-6", "trợ giúp");

        var sent = await _zalo.WaitForMessagesAsync(2);
        Assert.Contains("Cách dùng", sent[1].Text);
        Assert.Equal(2, _zalo.Sent.Count);
    }

    [Fact]
    public async Task Server_errors_from_the_oa_api_are_retried()
    {
        _zalo.FailNextSends(503, 500, 429);
        await SendAsync("u-7", "trợ giúp");

        Assert.Single(await _zalo.WaitForMessagesAsync(1));
        Assert.Equal(4, _zalo.SendAttempts);
    }

    [Fact]
    public async Task Expired_access_token_is_rotated_saved_before_use_and_kept_across_restarts()
    {
        _zalo.ExpireAccessToken();
        var tokenFile = Path.Combine(_corpus.DataPath, "zalo-tokens.json");
        _zalo.TokenFileToWatch = tokenFile;
        await SendAsync("u-8", "trợ giúp");

        var sent = Assert.Single(await _zalo.WaitForMessagesAsync(1));
        Assert.Equal("access-2", sent.AccessToken);
        Assert.Contains("\"refresh-2\"", sent.TokenFileThen);
        Assert.Contains("\"access-2\"", sent.TokenFileThen);
        Assert.Equal(["refresh-1"], _zalo.PresentedRefreshTokens);

        // Restart: configuration still holds the spent refresh-1; the file's refresh-2 must be the one used.
        await _server!.DisposeAsync();
        _server = null;
        _zalo.ExpireAccessToken();
        Server(s =>
        {
            s["Zalo:RefreshToken"] = "refresh-1";
            s["Zalo:AccessToken"] = "access-1";
        });
        await SendAsync("u-8", "trợ giúp");

        var after = (await _zalo.WaitForMessagesAsync(2))[1];
        Assert.Equal("access-3", after.AccessToken);
        Assert.Equal(["refresh-1", "refresh-2"], _zalo.PresentedRefreshTokens);
        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(tokenFile));
        Assert.Equal("refresh-3", saved.RootElement.GetProperty("refresh_token").GetString());
    }
}
