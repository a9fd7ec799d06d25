using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Conversations.Storage.Postgres;
using KeHoach57.Hosting;
using KeHoach57.Tests.Shared.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KeHoach57.Channels.Tests;

/// <summary>
/// Long polling with replicas: two `kehoach57 telegram` processes (plain hosts) on one PostgreSQL and one bot.
/// Only the lease holder calls getUpdates (the fake, like Telegram, ends overlapping calls with 409 Conflict),
/// every update is answered once, and the other takes over when the holder stops or its lease runs out.
/// Skipped, with the reason, where PostgreSQL is not installed.
/// </summary>
public sealed class TelegramPollingLeaseTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int LeaseSeconds = 3;

    // Long enough that no renewal, however late on a loaded machine, lets the waiting replica take over by expiry:
    // the hand-over under test is the release on a clean stop. (With 3 s, two busy test runs let it expire.)
    private const int HandOverLeaseSeconds = 20;
    private readonly TestCorpus _corpus = new();
    private readonly List<IHost> _hosts = [];
    private FakeTelegramApi _telegram = null!;
    private string _database = null!;

    public async ValueTask InitializeAsync()
    {
        postgres.SkipUnlessAvailable();
        _database = await postgres.CreateDatabaseAsync();
        _telegram = await FakeTelegramApi.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
        if (_telegram is not null) await _telegram.DisposeAsync();
        _corpus.Dispose();
    }

    private async Task<IHost> StartPollerAsync(int leaseSeconds = LeaseSeconds)
    {
        var settings = AssistantServer.TelegramSettings(_corpus, _telegram);
        settings["Telegram:Mode"] = "polling";
        settings["Telegram:PollingTimeoutSeconds"] = "1";
        settings["Telegram:PollingLeaseSeconds"] = leaseSeconds.ToString();
        settings["Storage:Provider"] = "postgres";
        settings["ConnectionStrings:Postgres"] = _database;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAssistant(builder.Configuration);
        builder.Services.AddTelegramChannel(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add(host);
        return host;
    }

    private static TelegramPolling Poller(IHost host) => host.Services.GetServices<IHostedService>().OfType<TelegramPolling>().Single();

    private async Task AnsweredOnceAsync(IEnumerable<long> chats, int totalSoFar)
    {
        var sent = await _telegram.WaitForMessagesAsync(totalSoFar);
        Assert.All(chats, chat => Assert.Single(sent, m => m.ChatId == chat));
    }

    [Fact]
    public async Task Chỉ_một_bản_sao_giữ_quyền_lấy_cập_nhật_và_bản_kia_tiếp_quản_khi_nó_dừng()
    {
        var one = await StartPollerAsync(HandOverLeaseSeconds);
        var two = await StartPollerAsync(HandOverLeaseSeconds);
        await Eventually.WaitAsync(() => Poller(one).HoldsLease || Poller(two).HoldsLease, held => held, "a replica to take the polling lease");
        var (holder, other) = Poller(one).HoldsLease ? (one, two) : (two, one);

        long[] before = [8201, 8202, 8203, 8204];
        foreach (var chat in before) _telegram.QueueUpdate(TelegramUpdates.Text(chat, "/help"));
        await AnsweredOnceAsync(before, before.Length);
        Assert.False(Poller(other).HoldsLease);

        await holder.StopAsync();
        await Eventually.WaitAsync(() => Poller(other).HoldsLease, held => held, "the other replica to take over");
        long[] after = [8205, 8206, 8207];
        foreach (var chat in after) _telegram.QueueUpdate(TelegramUpdates.Text(chat, "/help"));
        await AnsweredOnceAsync([.. before, .. after], before.Length + after.Length);

        Assert.Equal(0, _telegram.Conflicts);
        Assert.Equal(2, _telegram.CallCount("deleteWebhook"));
        Assert.Equal(before.Length + after.Length, _telegram.Sent.Count);
    }

    [Fact]
    public async Task Lease_của_bản_sao_đã_chết_hết_hạn_thì_bản_sao_khác_mới_lấy_cập_nhật()
    {
        // A replica that died without releasing its lease: the lease row stays until it expires.
        await using (var database = new PostgresDatabase(_database))
            Assert.True(await new PostgresLeaseStore(database).TryAcquireAsync(
                TelegramPolling.LeaseName(FakeTelegramApi.Token), "dead-replica", TimeSpan.FromSeconds(LeaseSeconds), TestContext.Current.CancellationToken));
        _telegram.QueueUpdate(TelegramUpdates.Text(8301, "/help"));

        var survivor = await StartPollerAsync();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(Poller(survivor).HoldsLease);
        Assert.Equal(0, _telegram.CallCount("getUpdates"));

        await AnsweredOnceAsync([8301], 1);
        Assert.True(Poller(survivor).HoldsLease);
        Assert.Equal(0, _telegram.Conflicts);
    }
}
