using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Conversations;
using KeHoach57.Core.Answers;
using Microsoft.Data.Sqlite;

namespace KeHoach57.Channels.Tests;

public sealed class SqliteConversationStoreTests : IDisposable
{
    private readonly TestCorpus _folders = new();
    private string DbPath => Path.Combine(_folders.DataPath, SqliteConversationStore.DefaultFileName);

    [Fact]
    public async Task State_with_last_answer_survives_a_new_store_on_the_same_file()
    {
        var answer = new AnswerRecord(true, "Trước ngày 15/6 (KH xã Yên Hòa).", "trước ngày 15/6", AskKind.Deadline,
            [new Citation("yen-hoa", "Kế hoạch Yên Hòa", "III", "trước ngày 15 tháng 6", "Văn phòng… trước ngày 15 tháng 6", 1.5, "yen-hoa/p1") { Label = "KH xã Yên Hòa › III" }])
        {
            LatencyMs = 12,
            ResolvedQuestion = "Hạn báo cáo 6 tháng?",
            PlanId = "yen-hoa",
        };
        var state = new ConversationState("telegram:42", "yen-hoa", new PreviousTurn("Hạn báo cáo 6 tháng?", true, "yen-hoa", ["bao", "cao"]), answer, DateTimeOffset.UtcNow);
        await new SqliteConversationStore(DbPath).SaveAsync(state);
        await new SqliteConversationStore(DbPath).SaveAsync(state with { Id = "zalo:7", Scope = null });

        SqliteConnection.ClearAllPools();
        var reopened = new SqliteConversationStore(DbPath);
        var found = await reopened.FindAsync("telegram:42");

        Assert.NotNull(found);
        Assert.Equal("yen-hoa", found.Scope);
        Assert.Equal(state.Last.Question, found.Last!.Question);
        Assert.Equal(state.Last.Subject, found.Last.Subject);
        Assert.Equal(answer.Line, found.LastAnswer!.Line);
        Assert.Equal(answer.Citations, found.LastAnswer.Citations);
        Assert.Equal("KH xã Yên Hòa › III", found.LastAnswer.Citations[0].Label);
        Assert.Equal("yen-hoa", found.LastAnswer.PlanId);
        Assert.Null((await reopened.FindAsync("zalo:7"))!.Scope);
        Assert.Null(await reopened.FindAsync("web:none"));
    }

    [Fact]
    public async Task Unreadable_row_is_a_fresh_conversation_not_a_crash()
    {
        var store = new SqliteConversationStore(DbPath);
        await store.SaveAsync(new ConversationState("telegram:1"));
        await using (var connection = new SqliteConnection($"Data Source={DbPath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE conversations SET state = '{not json' WHERE id = 'telegram:1'";
            await command.ExecuteNonQueryAsync();
        }
        Assert.Null(await store.FindAsync("telegram:1"));
    }

    [Fact]
    public async Task Tieng_Viet_duoc_luu_nguyen_chu_va_dong_cu_ghi_kieu_escape_van_doc_duoc()
    {
        var store = new SqliteConversationStore(DbPath);
        await store.SaveAsync(new ConversationState("web:moi", "yen-hoa", new PreviousTurn("Hạn báo cáo 6 tháng?", true, "yen-hoa", ["bao", "cao"])));
        await using (var connection = new SqliteConnection($"Data Source={DbPath}"))
        {
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT state FROM conversations WHERE id = 'web:moi'";
            Assert.Contains("Hạn báo cáo 6 tháng?", (string)(await read.ExecuteScalarAsync())!);
            // A row as the store wrote it before: every non-ASCII letter as a \uXXXX escape.
            await using var write = connection.CreateCommand();
            write.CommandText = """
                INSERT INTO conversations (id, state, updated_at)
                VALUES ('web:cu', '{"id":"web:cu","scope":"yen-hoa","last":{"question":"H\u1EA1n b\u00E1o c\u00E1o 6 th\u00E1ng?","answered":true}}', '2026-01-01T00:00:00.0000000+00:00')
                """;
            await write.ExecuteNonQueryAsync();
        }

        var old = await store.FindAsync("web:cu");

        Assert.Equal("Hạn báo cáo 6 tháng?", old!.Last!.Question);
        Assert.Equal("Hạn báo cáo 6 tháng?", (await store.FindAsync("web:moi"))!.Last!.Question);
    }

    public void Dispose() => _folders.Dispose();
}
