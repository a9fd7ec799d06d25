using KeHoach57.Conversations.Storage;
using KeHoach57.Conversations.Storage.Postgres;
using KeHoach57.Core.Answers;
using KeHoach57.Tests.Shared.Postgres;
using Npgsql;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace KeHoach57.Conversations.Tests.Storage;

/// <summary>
/// The PostgreSQL store against a real PostgreSQL (Debian's package, started by the fixture): the same contract as
/// the SQLite store for conversations and feedback, plus what replicas need — shared delivery ids, leases and a
/// schema that two starting replicas migrate once. Skipped, with the reason, where PostgreSQL is not installed.
/// </summary>
public sealed class PostgresStoreTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string _connectionString = null!;
    private PostgresDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        server.SkipUnlessAvailable();
        _connectionString = await server.CreateDatabaseAsync();
        _database = new PostgresDatabase(_connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task Chạy_migration_hai_lần_không_đổi_gì_lần_thứ_hai()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);

        var first = await PostgresMigrations.ApplyAsync(connection, Ct);
        var schemaAfterFirst = await SchemaAsync(connection);
        var second = await PostgresMigrations.ApplyAsync(connection, Ct);

        Assert.Equal(PostgresMigrations.Steps.Select(s => s.Version), first);
        Assert.Empty(second);
        Assert.Equal(schemaAfterFirst, await SchemaAsync(connection));
        Assert.Contains("conversations.state text", schemaAfterFirst);
    }

    [Fact]
    public async Task Nhiều_bản_sao_khởi_động_cùng_lúc_đều_lên_và_migration_chỉ_chạy_một_lần()
    {
        var replicas = Enumerable.Range(0, 6).Select(_ => new PostgresDatabase(_connectionString)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(r => r.MigrateAsync(Ct)));
        }
        finally
        {
            foreach (var r in replicas) await r.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        Assert.Equal((long)PostgresMigrations.Steps.Count, await count.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Hội_thoại_được_lưu_theo_lô_và_đọc_lại_nguyên_vẹn()
    {
        var store = new PostgresConversationStore(_database);
        var now = DateTimeOffset.UtcNow;
        var answer = new AnswerRecord(true, "Trước ngày 15/6 hằng năm.", "15/6", AskKind.Date, []) { PlanId = "yen-hoa" };
        await store.SaveManyAsync([
            new ConversationState("web:a", "yen-hoa", new PreviousTurn("Hạn báo cáo 6 tháng?", true, "yen-hoa", ["bao cao"]), answer, now, "answer-1"),
            new ConversationState("telegram:7", null, UpdatedAt: now),
            // The same chat twice in one batch: the newer turn is the one kept.
            new ConversationState("telegram:7", "tinh-a", UpdatedAt: now.AddSeconds(1)),
        ], Ct);

        var web = await store.FindAsync("web:a", Ct);
        Assert.NotNull(web);
        Assert.Equal("yen-hoa", web.Scope);
        Assert.Equal("Hạn báo cáo 6 tháng?", web.Last!.Question);
        Assert.Equal("Trước ngày 15/6 hằng năm.", web.LastAnswer!.Line);
        Assert.Equal("answer-1", web.LastAnswerId);
        Assert.Equal("tinh-a", (await store.FindAsync("telegram:7", Ct))!.Scope);
        Assert.Null(await store.FindAsync("web:khong-co", Ct));
    }

    [Fact]
    public async Task Lượt_cũ_ghi_muộn_không_đè_lượt_mới_của_bản_sao_khác()
    {
        var store = new PostgresConversationStore(_database);
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync(new ConversationState("web:b", "tinh-a", UpdatedAt: now), Ct);
        await store.SaveAsync(new ConversationState("web:b", "yen-hoa", UpdatedAt: now.AddSeconds(-5)), Ct);

        Assert.Equal("tinh-a", (await store.FindAsync("web:b", Ct))!.Scope);
    }

    [Fact]
    public async Task Dòng_hỏng_được_coi_là_hội_thoại_mới()
    {
        var store = new PostgresConversationStore(_database);
        await store.SaveAsync(new ConversationState("zalo:1", "yen-hoa", UpdatedAt: DateTimeOffset.UtcNow), Ct);
        await using (var connection = await _database.OpenAsync(Ct))
        await using (var corrupt = new NpgsqlCommand("UPDATE conversations SET state = '{not json' WHERE id = 'zalo:1'", connection))
            await corrupt.ExecuteNonQueryAsync(Ct);

        Assert.Null(await store.FindAsync("zalo:1", Ct));
    }

    [Fact]
    public async Task Dọn_theo_TTL_rồi_theo_giới_hạn_số_hội_thoại()
    {
        var store = new PostgresConversationStore(_database);
        var now = DateTimeOffset.UtcNow;
        await store.SaveManyAsync([
            new ConversationState("web:cu", UpdatedAt: now.AddHours(-100)),
            .. Enumerable.Range(0, 5).Select(i => new ConversationState($"web:{i}", UpdatedAt: now.AddMinutes(-i))),
        ], Ct);

        var removed = await store.PruneAsync(now.AddHours(-72), maxConversations: 3, Ct);

        Assert.Equal(3, removed);
        Assert.Equal(3, await store.CountAsync(Ct));
        Assert.Null(await store.FindAsync("web:cu", Ct));
        Assert.Null(await store.FindAsync("web:4", Ct));
        Assert.NotNull(await store.FindAsync("web:0", Ct));
    }

    [Fact]
    public async Task Góp_ý_mỗi_câu_trả_lời_một_dòng_và_giữ_câu_hỏi_đã_biết()
    {
        var store = new PostgresFeedbackStore(_database);
        var at = DateTimeOffset.UtcNow;
        var first = new FeedbackEntry(0, at, "c1", "a1", true, null, "Hạn báo cáo 6 tháng?", "Trước ngày 15/6.", "yen-hoa");
        var ids = await store.SaveManyAsync([first, first with { AnswerId = "a2", Comment = "Thiếu\0ký tự" }], Ct);
        // The same answer rated again on another replica that does not know its text: one row, the new judgement.
        var again = await store.SaveManyAsync([new FeedbackEntry(0, at.AddMinutes(1), "c1", "a1", false, "Sai năm", null, null, null)], Ct);

        Assert.Equal(ids[0], again[0]);
        var entries = await store.ListAsync(Ct);
        Assert.Equal(2, entries.Count);
        var a1 = entries.Single(e => e.AnswerId == "a1");
        Assert.False(a1.Helpful);
        Assert.Equal("Sai năm", a1.Comment);
        Assert.Equal("Hạn báo cáo 6 tháng?", a1.Question);
        Assert.Equal("yen-hoa", a1.Scope);
        Assert.Equal("Thiếu\uFFFDký tự", entries.Single(e => e.AnswerId == "a2").Comment);
    }

    [Fact]
    public async Task Mã_sự_kiện_chỉ_được_nhận_một_lần_kể_cả_khi_hai_bản_sao_nhận_cùng_lúc()
    {
        await using var other = new PostgresDatabase(_connectionString);
        var a = new PostgresDeliveryLog(_database);
        var b = new PostgresDeliveryLog(other);
        var window = TimeSpan.FromHours(6);

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).TryMarkNewAsync("telegram:42", window, Ct).AsTask()));

        Assert.Single(taken, t => t);
        Assert.False(await b.TryMarkNewAsync("telegram:42", window, Ct));
        await b.ForgetAsync("telegram:42", Ct);
        Assert.True(await a.TryMarkNewAsync("telegram:42", window, Ct));
    }

    [Fact]
    public async Task Mã_sự_kiện_hết_hạn_cửa_sổ_thì_được_nhận_lại()
    {
        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var log = new PostgresDeliveryLog(_database, clock);

        Assert.True(await log.TryMarkNewAsync("zalo:m1", TimeSpan.FromMinutes(10), Ct));
        clock.Now += TimeSpan.FromMinutes(9);
        Assert.False(await log.TryMarkNewAsync("zalo:m1", TimeSpan.FromMinutes(10), Ct));
        clock.Now += TimeSpan.FromMinutes(2);
        Assert.True(await log.TryMarkNewAsync("zalo:m1", TimeSpan.FromMinutes(10), Ct));
    }

    [Fact]
    public async Task Hợp_đồng_thuê_chỉ_một_người_giữ_và_người_khác_tiếp_quản_khi_hết_hạn_hoặc_trả()
    {
        var leases = new PostgresLeaseStore(_database);
        var lease = TimeSpan.FromSeconds(1);

        Assert.True(await leases.TryAcquireAsync("telegram-polling:1", "A", lease, Ct));
        Assert.False(await leases.TryAcquireAsync("telegram-polling:1", "B", lease, Ct));
        Assert.True(await leases.TryAcquireAsync("telegram-polling:1", "A", lease, Ct));
        Assert.True(await leases.TryAcquireAsync("telegram-polling:2", "B", lease, Ct));

        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        Assert.True(await leases.TryAcquireAsync("telegram-polling:1", "B", TimeSpan.FromMinutes(1), Ct));
        Assert.False(await leases.TryAcquireAsync("telegram-polling:1", "A", lease, Ct));

        await leases.ReleaseAsync("telegram-polling:1", "A", Ct);
        Assert.False(await leases.TryAcquireAsync("telegram-polling:1", "A", lease, Ct));
        await leases.ReleaseAsync("telegram-polling:1", "B", Ct);
        Assert.True(await leases.TryAcquireAsync("telegram-polling:1", "A", lease, Ct));
    }

    /// <summary>Tables, columns and types, constraints and indexes: what a second migration run must leave alone.</summary>
    private static async Task<string> SchemaAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT table_name || '.' || column_name || ' ' || data_type AS line FROM information_schema.columns WHERE table_schema = 'public'
                UNION ALL SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL SELECT 'rows ' || count(*) FROM schema_migrations) s
            """, connection);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
