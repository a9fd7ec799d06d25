using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Conversations.Channels;

namespace KeHoach57.Channels.Tests;

public sealed class ChannelReliabilityTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Flooding_chat_is_told_once_then_ignored_until_the_bucket_refills()
    {
        var limiter = new ChatRateLimiter(3, TimeSpan.FromMinutes(1), _clock);
        Assert.All(Enumerable.Range(0, 3), _ => Assert.Equal(RateDecision.Allowed, limiter.Check("telegram:1")));
        Assert.Equal(RateDecision.LimitedNotify, limiter.Check("telegram:1"));
        Assert.Equal(RateDecision.LimitedSilent, limiter.Check("telegram:1"));
        Assert.Equal(RateDecision.LimitedSilent, limiter.Check("telegram:1"));
        Assert.Equal(RateDecision.Allowed, limiter.Check("telegram:2"));

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(RateDecision.Allowed, limiter.Check("telegram:1"));
        Assert.Equal(RateDecision.LimitedNotify, limiter.Check("telegram:1"));
    }

    [Fact]
    public void Zero_messages_means_no_limit()
    {
        var limiter = new ChatRateLimiter(0, TimeSpan.FromMinutes(1), _clock);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(RateDecision.Allowed, limiter.Check("zalo:1")));
    }

    [Fact]
    public void Delivery_ids_are_remembered_for_the_ttl_and_up_to_the_capacity()
    {
        var recent = new RecentDeliveries(3, TimeSpan.FromMinutes(10), _clock);
        Assert.True(recent.TryMarkNew("a"));
        Assert.False(recent.TryMarkNew("a"));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(recent.TryMarkNew("a"));

        foreach (var id in new[] { "b", "c", "d", "e" }) Assert.True(recent.TryMarkNew(id));
        Assert.True(recent.TryMarkNew("a"));
        Assert.False(recent.TryMarkNew("e"));

        recent.Forget("e");
        Assert.True(recent.TryMarkNew("e"));
    }

    [Fact]
    public async Task Inbox_drops_duplicates_keeps_chat_order_and_survives_a_failing_item()
    {
        var inbox = new ChannelInbox<(string Chat, int N)>(new ChannelOptions { Workers = 3, QueueCapacity = 30 }, _clock);
        for (var n = 0; n < 5; n++)
        {
            Assert.Equal(InboxOffer.Accepted, await inbox.OfferAsync($"a{n}", "chat-a", ("chat-a", n)));
            Assert.Equal(InboxOffer.Accepted, await inbox.OfferAsync($"b{n}", "chat-b", ("chat-b", n)));
        }
        Assert.Equal(InboxOffer.Duplicate, await inbox.OfferAsync("a1", "chat-a", ("chat-a", 1)));

        var seen = new List<(string, int)>();
        using var stop = new CancellationTokenSource();
        var run = inbox.RunAsync((item, _) =>
        {
            lock (seen) seen.Add(item);
            return item.N == 2 ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        }, TimeSpan.FromSeconds(30), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, stop.Token);

        await Eventually.WaitAsync(() => { lock (seen) return seen.Count; }, c => c == 10, "all items");
        await stop.CancelAsync();
        await run;
        Assert.Equal([0, 1, 2, 3, 4], seen.Where(s => s.Item1 == "chat-a").Select(s => s.Item2));
        Assert.Equal([0, 1, 2, 3, 4], seen.Where(s => s.Item1 == "chat-b").Select(s => s.Item2));
    }

    [Fact]
    public async Task Full_inbox_refuses_and_forgets_the_id_so_a_redelivery_is_taken()
    {
        var inbox = new ChannelInbox<int>(new ChannelOptions { Workers = 1, QueueCapacity = 1 }, _clock);
        Assert.Equal(InboxOffer.Accepted, await inbox.OfferAsync("1", "c", 1));
        Assert.Equal(InboxOffer.Full, await inbox.OfferAsync("2", "c", 2));
        Assert.Equal(InboxOffer.Full, await inbox.OfferAsync("2", "c", 2));
    }
}
