using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KeHoach57.Channels.Tests;

/// <summary>Polling mode as `kehoach57 telegram` runs it: a plain host, no web server, updates fetched with getUpdates.</summary>
public sealed class TelegramPollingTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private FakeTelegramApi _telegram = null!;
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _telegram = await FakeTelegramApi.StartAsync();
        var settings = AssistantServer.TelegramSettings(_corpus, _telegram);
        settings["Telegram:Mode"] = "polling";
        settings["Telegram:PollingTimeoutSeconds"] = "1";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAssistant(builder.Configuration);
        builder.Services.AddTelegramChannel(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _telegram.DisposeAsync();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Updates_are_fetched_answered_once_and_acknowledged_by_offset()
    {
        _telegram.QueueUpdate(TelegramUpdates.Text(3001, "Hạn báo cáo 6 tháng là ngày nào?", updateId: 9001));
        var first = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Equal(3001, first.ChatId);
        Assert.Contains("[1]", first.Text);

        _telegram.QueueUpdate(TelegramUpdates.Text(3001, "/help", updateId: 9002));
        var sent = await _telegram.WaitForMessagesAsync(2);
        Assert.Contains("Cách dùng", Html.Visible(sent[1].Text));
        Assert.Equal(2, _telegram.Sent.Count);

        Assert.Equal(1, _telegram.CallCount("deleteWebhook"));
        var offsets = _telegram.Calls.Where(c => c.Method == "getUpdates").Select(c => (long?)c.Body["offset"]).ToList();
        Assert.Contains(9002L, offsets);
    }

    [Fact]
    public async Task A_getupdates_outage_beyond_the_retries_only_pauses_polling()
    {
        _telegram.FailNext("getUpdates", 502, 502, 502, 502, 502, 502);
        _telegram.QueueUpdate(TelegramUpdates.Text(3002, "/start", updateId: 9101));

        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Contains("Xin chào", Html.Visible(sent.Text));
    }

    [Fact]
    public async Task A_reply_that_fails_after_all_retries_does_not_stop_the_bot()
    {
        _telegram.FailNextSends(500, 500, 500, 500, 500);
        _telegram.QueueUpdate(TelegramUpdates.Text(3003, "/help", updateId: 9201));
        _telegram.QueueUpdate(TelegramUpdates.Text(3003, "/start", updateId: 9202));

        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Contains("Xin chào", Html.Visible(sent.Text));
        Assert.Equal(6, _telegram.CallCount("sendMessage"));
    }
}
