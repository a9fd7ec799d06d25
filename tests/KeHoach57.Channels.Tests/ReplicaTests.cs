using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Conversations;
using KeHoach57.Conversations.Storage;
using KeHoach57.Tests.Shared.Postgres;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace KeHoach57.Channels.Tests;

/// <summary>
/// Two server replicas (the real Program, in memory) behind one imagined load balancer: one PostgreSQL
/// (Storage:Provider = postgres), one corpus and index folder, one conversation key. Whatever replica a request
/// reaches, a conversation continues, a rating is stored once, and a webhook retried to the other replica is
/// answered once. Skipped, with the reason, where PostgreSQL is not installed.
/// </summary>
public sealed class ReplicaTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string AdminKey = "replica-admin-key";
    private readonly TestCorpus _corpus = new();
    private FakeTelegramApi _telegram = null!;
    private FakeZaloApi _zalo = null!;
    private AssistantServer _a = null!;
    private AssistantServer _b = null!;
    private HttpClient _webA = null!;
    private HttpClient _webB = null!;

    public async ValueTask InitializeAsync()
    {
        postgres.SkipUnlessAvailable();
        var database = await postgres.CreateDatabaseAsync();
        _telegram = await FakeTelegramApi.StartAsync();
        _zalo = await FakeZaloApi.StartAsync();
        var settings = AssistantServer.TelegramSettings(_corpus, _telegram);
        foreach (var (key, value) in AssistantServer.ZaloSettings(_corpus, _zalo)) settings[key] = value;
        settings["Storage:Provider"] = "postgres";
        settings["ConnectionStrings:Postgres"] = database;
        settings["Server:ConversationKey"] = "one-key-for-every-replica-0123456789";
        settings["Admin:ApiKey"] = AdminKey;
        settings["RateLimit:PermitLimit"] = "100000";

        // One index folder: A builds the index, B (started once A is ready) loads what A built.
        _a = new AssistantServer(settings);
        _webA = await ReadyClientAsync(_a);
        _b = new AssistantServer(settings);
        _webB = await ReadyClientAsync(_b);
    }

    public async ValueTask DisposeAsync()
    {
        _webA?.Dispose();
        _webB?.Dispose();
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        if (_telegram is not null) await _telegram.DisposeAsync();
        if (_zalo is not null) await _zalo.DisposeAsync();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Câu_hỏi_nối_tiếp_bắt_đầu_ở_bản_sao_A_được_trả_lời_tiếp_ở_bản_sao_B()
    {
        var first = await AskAsync(_webA, new { question = "Hạn báo cáo 6 tháng là ngày nào?", scope = "yen-hoa" });
        var conversationId = first.GetProperty("conversationId").GetString()!;
        Assert.Contains("15", first.GetProperty("answer").GetString());

        // No scope given: the conversation's scope (set on A) still applies on B.
        var followUp = await AskAsync(_webB, new { question = "Kinh phí thực hiện kế hoạch lấy từ đâu?", conversationId });
        // The same question in a new conversation is answered from the province's plan, so the scope is what changed it.
        var fresh = await AskAsync(_webB, new { question = "Kinh phí thực hiện kế hoạch lấy từ đâu?" });

        Assert.Equal(conversationId, followUp.GetProperty("conversationId").GetString());
        Assert.NotEqual("tinh-a", PlanOf(followUp));
        Assert.Equal("tinh-a", PlanOf(fresh));
        Assert.NotEqual(conversationId, fresh.GetProperty("conversationId").GetString());
        var state = await _a.Services.GetRequiredService<ConversationService>().GetAsync("web:" + conversationId);
        Assert.Equal("yen-hoa", state.Scope);
        Assert.Equal(followUp.GetProperty("answerId").GetString(), state.LastAnswerId);
        // Nothing of the shared state went to the data folder's SQLite files.
        Assert.False(File.Exists(Path.Combine(_corpus.DataPath, SqliteConversationStore.DefaultFileName)));
        Assert.False(File.Exists(Path.Combine(_corpus.DataPath, "feedback.db")));
    }

    [Fact]
    public async Task Góp_ý_ở_bản_sao_B_cho_câu_trả_lời_của_A_được_lưu_một_lần_kèm_câu_hỏi()
    {
        var answer = await AskAsync(_webA, new { question = "Hạn báo cáo 6 tháng là ngày nào?", scope = "yen-hoa" });
        var rating = new
        {
            conversationId = answer.GetProperty("conversationId").GetString(),
            answerId = answer.GetProperty("answerId").GetString(),
            helpful = false,
            comment = "Thiếu số liệu",
        };

        using var onB = await _webB.PostAsJsonAsync("/api/feedback", rating, TestContext.Current.CancellationToken);
        // The client did not see B's reply and retried; the load balancer sent the retry to A.
        using var retriedOnA = await _webA.PostAsJsonAsync("/api/feedback", rating, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retriedOnA.StatusCode);
        foreach (var web in new[] { _webA, _webB })
        {
            var entry = Assert.Single((await ExportAsync(web)).EnumerateArray(), e => e.GetProperty("answerId").GetString() == rating.answerId);
            Assert.Equal("Hạn báo cáo 6 tháng là ngày nào?", entry.GetProperty("question").GetString());
            Assert.Equal("Thiếu số liệu", entry.GetProperty("comment").GetString());
            Assert.False(entry.GetProperty("helpful").GetBoolean());
        }
    }

    [Fact]
    public async Task Cập_nhật_Telegram_gửi_tới_cả_hai_bản_sao_chỉ_được_trả_lời_một_lần()
    {
        var update = TelegramUpdates.Text(8101, "/help");

        var both = await Task.WhenAll(_a.PostTelegramAsync(update), _b.PostTelegramAsync(update));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Telegram retries once more, later, to A.
        Assert.Equal(HttpStatusCode.OK, (await _a.PostTelegramAsync(update)).StatusCode);

        // Duplicates are refused before the 200, so nothing more is on its way: a later message is the second reply.
        await _b.PostTelegramAsync(TelegramUpdates.Text(8101, "/start"));
        var sent = await _telegram.WaitForMessagesAsync(2);
        var toChat = sent.Where(m => m.ChatId == 8101).Select(m => Html.Visible(m.Text)).ToList();
        Assert.Equal(2, toChat.Count);
        Assert.Single(toChat, t => t.Contains("Cách dùng"));
    }

    [Fact]
    public async Task Sự_kiện_Zalo_gửi_tới_cả_hai_bản_sao_chỉ_được_trả_lời_một_lần()
    {
        var (body, signature) = FakeZaloApi.SignedText("u-replica", "Hạn báo cáo 6 tháng là ngày nào?", "msg-replica-1");

        var both = await Task.WhenAll(_a.PostZaloAsync(body, signature), _b.PostZaloAsync(body, signature));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var (marker, markerSignature) = FakeZaloApi.SignedText("u-replica", "/help", "msg-replica-2");
        await _a.PostZaloAsync(marker, markerSignature);
        var sent = await _zalo.WaitForMessagesAsync(2);
        var toUser = sent.Where(m => m.UserId == "u-replica").ToList();
        Assert.Equal(2, toUser.Count);
        Assert.Single(toUser, m => m.Text.Contains("[1]"));
    }

    private static string? PlanOf(JsonElement answer) =>
        answer.TryGetProperty("planId", out var plan) && plan.ValueKind == JsonValueKind.String ? plan.GetString() : null;

    private static async Task<JsonElement> AskAsync(HttpClient web, object body)
    {
        using var response = await web.PostAsJsonAsync("/api/ask", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> ExportAsync(HttpClient web)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feedback");
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await web.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<HttpClient> ReadyClientAsync(AssistantServer server)
    {
        var client = server.CreateClient();
        await Eventually.WaitAsync(() => client.GetAsync("/health").GetAwaiter().GetResult().StatusCode, s => s == HttpStatusCode.OK, "the replica to be ready");
        return client;
    }
}
