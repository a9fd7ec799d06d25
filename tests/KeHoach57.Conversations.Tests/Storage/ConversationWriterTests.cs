using KeHoach57.Conversations.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace KeHoach57.Conversations.Tests.Storage;

/// <summary>The write-behind in front of the durable store, in its two modes: one server, and replicas sharing the store.</summary>
public sealed class ConversationWriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Một_máy_chủ_không_chờ_ghi_còn_bản_sao_dùng_chung_kho_thì_chờ_ghi_xong(bool waitForWrite)
    {
        var durable = new GatedStore();
        await using var writer = new ConversationWriter(durable, new ConversationOptions(), NullLogger<ConversationWriter>.Instance, waitForWrite: waitForWrite);

        var save = writer.SaveAsync(new ConversationState("web:1", "yen-hoa", UpdatedAt: DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        await durable.Writing.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The store has the batch and has not finished writing it.
        Assert.Equal(!waitForWrite, save.IsCompleted);
        durable.Release.SetResult();
        await save.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await writer.FlushAsync(TestContext.Current.CancellationToken);
        Assert.Equal("yen-hoa", (await durable.FindAsync("web:1", TestContext.Current.CancellationToken))!.Scope);
    }

    [Fact]
    public async Task Bản_sao_vẫn_trả_lời_khi_kho_chung_không_ghi_được()
    {
        var durable = new GatedStore { Fail = true };
        durable.Release.SetResult();
        await using var writer = new ConversationWriter(durable, new ConversationOptions(), NullLogger<ConversationWriter>.Instance, waitForWrite: true);

        await writer.SaveAsync(new ConversationState("web:2", UpdatedAt: DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);

        Assert.Null(await durable.FindAsync("web:2", TestContext.Current.CancellationToken));
    }

    private sealed class GatedStore : IConversationStore
    {
        private readonly InMemoryConversationStore _states = new();

        public TaskCompletionSource Writing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Fail { get; init; }

        public Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default) => _states.FindAsync(id, cancellationToken);

        public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default) => SaveManyAsync([state], cancellationToken);

        public async Task SaveManyAsync(IReadOnlyList<ConversationState> states, CancellationToken cancellationToken = default)
        {
            Writing.TrySetResult();
            await Release.Task;
            if (Fail) throw new InvalidOperationException("database unavailable");
            foreach (var state in states) await _states.SaveAsync(state, cancellationToken);
        }
    }
}

/// <summary>The lease of a single server (SQLite provider): the same rules as the shared one, within one process.</summary>
public sealed class InMemoryLeaseStoreTests
{
    [Fact]
    public async Task Chỉ_một_người_giữ_hợp_đồng_cho_tới_khi_trả_hoặc_hết_hạn()
    {
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var leases = new InMemoryLeaseStore(clock);
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await leases.TryAcquireAsync("poll", "A", TimeSpan.FromSeconds(10), ct));
        Assert.False(await leases.TryAcquireAsync("poll", "B", TimeSpan.FromSeconds(10), ct));
        clock.Now += TimeSpan.FromSeconds(11);
        Assert.True(await leases.TryAcquireAsync("poll", "B", TimeSpan.FromSeconds(10), ct));
        await leases.ReleaseAsync("poll", "A", ct);
        Assert.False(await leases.TryAcquireAsync("poll", "A", TimeSpan.FromSeconds(10), ct));
        await leases.ReleaseAsync("poll", "B", ct);
        Assert.True(await leases.TryAcquireAsync("poll", "A", TimeSpan.FromSeconds(10), ct));
    }
}
