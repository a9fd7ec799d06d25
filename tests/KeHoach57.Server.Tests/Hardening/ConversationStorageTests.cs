using System.Net;
using KeHoach57.Conversations;
using KeHoach57.Conversations.Storage;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>conversations.db keeps what follow-ups need and no more (issue 15, finding 4; issue 14's background writer).</summary>
public sealed class ConversationStorageTests
{
    [Fact]
    public async Task Kho_hội_thoại_không_phình_mãi_số_dòng_bị_chặn_bởi_giới_hạn_sau_khi_dọn()
    {
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?> { ["Conversations:MaxConversations"] = "100" });
        using var client = await factory.CreateReadyClientAsync();

        // Each request without an id starts a conversation: one row each. The writer prunes to the cap after
        // writing a tenth of it (at least 100 rows), so 250 conversations never sit in the file at once.
        for (var i = 0; i < 250; i++)
        {
            using var response = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var writer = factory.Services.GetRequiredService<ConversationWriter>();
        await writer.FlushAsync(TestContext.Current.CancellationToken);
        var store = factory.Services.GetRequiredService<SqliteConversationStore>();
        Assert.InRange(await store.CountAsync(TestContext.Current.CancellationToken), 100, 199);

        var maintenance = factory.Services.GetServices<IHostedService>().OfType<ConversationMaintenance>().Single();
        await maintenance.PruneOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(100, await store.CountAsync(TestContext.Current.CancellationToken));
        await Answers.StillAnswersAsync(client);
    }

    [Fact]
    public async Task Hội_thoại_quá_hạn_TTL_bị_quên_hội_thoại_mới_được_giữ()
    {
        var folder = Directory.CreateTempSubdirectory("kh57-conv-").FullName;
        try
        {
            var store = new SqliteConversationStore(Path.Combine(folder, "conversations.db"));
            var now = DateTimeOffset.UtcNow;
            await store.SaveManyAsync([
                new ConversationState("web:cu", "yen-hoa", UpdatedAt: now.AddHours(-100)),
                new ConversationState("web:moi", "yen-hoa", UpdatedAt: now.AddMinutes(-5)),
            ], TestContext.Current.CancellationToken);

            var removed = await store.PruneAsync(now.AddHours(-72), 1000, TestContext.Current.CancellationToken);

            Assert.Equal(1, removed);
            Assert.Null(await store.FindAsync("web:cu", TestContext.Current.CancellationToken));
            Assert.NotNull(await store.FindAsync("web:moi", TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Bộ_ghi_nền_cho_đọc_ngay_trạng_thái_vừa_lưu_và_ghi_hết_khi_dừng_êm()
    {
        var folder = Directory.CreateTempSubdirectory("kh57-writer-").FullName;
        try
        {
            var path = Path.Combine(folder, "conversations.db");
            var writer = new ConversationWriter(new SqliteConversationStore(path), new ConversationOptions { WriteBatchSize = 7 },
                NullLogger<ConversationWriter>.Instance);
            for (var i = 0; i < 500; i++)
                await writer.SaveAsync(new ConversationState($"web:{i}", "yen-hoa", UpdatedAt: DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
            Assert.Equal("yen-hoa", (await writer.FindAsync("web:499", TestContext.Current.CancellationToken))!.Scope);

            await writer.DisposeAsync(); // a clean stop drains the queue

            var reopened = new SqliteConversationStore(path);
            Assert.Equal(500, await reopened.CountAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
