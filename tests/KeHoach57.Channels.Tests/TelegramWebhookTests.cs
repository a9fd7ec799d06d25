using System.Net;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Conversations;
using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Channels.Tests;

/// <summary>The server's webhook end to end: an update posted as Telegram posts it, the reply read back from the fake Bot API.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private FakeTelegramApi _telegram = null!;
    private AssistantServer? _server;

    public async ValueTask InitializeAsync() => _telegram = await FakeTelegramApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await _telegram.DisposeAsync();
        _corpus.Dispose();
    }

    private AssistantServer Server(Action<Dictionary<string, string?>>? tweak = null, Action<IServiceCollection>? services = null)
    {
        if (_server is not null) return _server;
        var settings = AssistantServer.TelegramSettings(_corpus, _telegram);
        tweak?.Invoke(settings);
        return _server = new AssistantServer(settings, services);
    }

    private async Task<HttpStatusCode> PostAsync(string update, string? secret = AssistantServer.WebhookSecret) =>
        (await Server().PostTelegramAsync(update, secret)).StatusCode;

    private Task<ConversationState> StateAsync(long chatId) =>
        Server().Services.GetRequiredService<ConversationService>().GetAsync($"telegram:{chatId}");

    [Fact]
    public async Task Question_in_private_chat_is_answered_with_html_and_citations()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TelegramUpdates.Text(1001, "Hạn báo cáo 6 tháng là ngày nào?")));

        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Equal(1001, sent.ChatId);
        Assert.Equal("html", sent.ParseMode, ignoreCase: true);
        Html.AssertWellFormed(sent.Text);
        Assert.Contains("[1]", sent.Text);
        Assert.Contains("/nguon", sent.Text);
        Assert.Matches("Yên Hòa|yen-hoa", Html.Visible(sent.Text));
        Assert.Null(sent.ReplyToMessageId);
        Assert.NotNull((await StateAsync(1001)).LastAnswer);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Calls_without_the_secret_token_are_refused(string? secret)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(TelegramUpdates.Text(1002, "Ai chủ trì chuyển đổi số?"), secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TelegramUpdates.Text(1002, "/help")));

        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Contains("/phamvi", sent.Text);
    }

    [Fact]
    public async Task Server_without_a_configured_secret_refuses_every_call()
    {
        Server(s => s["Telegram:WebhookSecret"] = "");
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(TelegramUpdates.Text(1003, "/start")));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(TelegramUpdates.Text(1003, "/start"), ""));
    }

    [Fact]
    public async Task Webhook_url_is_registered_at_start_with_the_secret_token()
    {
        Server(s => s["Telegram:WebhookUrl"] = "https://kehoach57.example.gov.vn/telegram/webhook");
        _ = Server().Services;

        var call = await Eventually.WaitAsync(() => _telegram.Calls.FirstOrDefault(c => c.Method == "setWebhook"), c => c.Body is not null, "setWebhook");
        Assert.Equal("https://kehoach57.example.gov.vn/telegram/webhook", (string?)call.Body["url"]);
        Assert.Equal(AssistantServer.WebhookSecret, (string?)call.Body["secret_token"]);
        Assert.Equal(["message", "callback_query"], call.Body["allowed_updates"]!.AsArray().Select(u => (string?)u));
    }

    [Theory]
    [InlineData("off")]
    [InlineData("polling")]
    public async Task Webhook_is_not_served_unless_in_webhook_mode(string mode)
    {
        Server(s => s["Telegram:Mode"] = mode);
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(TelegramUpdates.Text(1015, "/start")));
    }

    [Fact]
    public async Task A_message_without_text_gets_a_polite_hint_in_private_chats()
    {
        await PostAsync(TelegramUpdates.Location(1016));
        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Equal(TelegramOptionsText(ChatReplies.TextOnly()), sent.Text);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task Malformed_update_is_a_bad_request_never_a_server_error(string body) =>
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(body));

    [Fact]
    public async Task Start_and_help_explain_the_commands()
    {
        await PostAsync(TelegramUpdates.Text(1004, "/start"));
        await PostAsync(TelegramUpdates.Text(1004, "/help"));

        var sent = await _telegram.WaitForMessagesAsync(2);
        Assert.All(sent, m => Assert.Contains("/phamvi", m.Text));
        Assert.All(sent, m => Assert.Contains("/nguon", m.Text));
        Assert.All(sent, m => Html.AssertWellFormed(m.Text));
    }

    [Fact]
    public async Task Phamvi_offers_the_plans_as_buttons_and_a_button_sets_the_scope()
    {
        await PostAsync(TelegramUpdates.Text(1005, "/phamvi"));
        var menu = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        var buttons = menu.Buttons().ToList();
        Assert.Contains(buttons, b => b.Data == "phamvi:yen-hoa");
        Assert.Contains(buttons, b => b.Data == "phamvi:tinh-a");
        Assert.Contains(buttons, b => b.Data == "phamvi:*");

        await PostAsync(TelegramUpdates.Callback(1005, "phamvi:yen-hoa", queryId: "q-1005"));
        var confirmation = (await _telegram.WaitForMessagesAsync(2))[1];
        Assert.Contains("yen-hoa", confirmation.Text);
        Assert.Contains(_telegram.Calls, c => c.Method == "answerCallbackQuery" && (string?)c.Body["callback_query_id"] == "q-1005");
        Assert.Equal("yen-hoa", (await StateAsync(1005)).Scope);

        await PostAsync(TelegramUpdates.Callback(1005, "phamvi:*", queryId: "q-1005b"));
        await _telegram.WaitForMessagesAsync(3);
        Assert.Null((await StateAsync(1005)).Scope);
    }

    [Fact]
    public async Task Phamvi_with_an_id_sets_the_scope_and_an_unknown_id_is_refused_escaped()
    {
        await PostAsync(TelegramUpdates.Text(1006, "/phamvi tinh-a"));
        await PostAsync(TelegramUpdates.Text(1006, "/phamvi <b>x</b>&"));

        var sent = await _telegram.WaitForMessagesAsync(2);
        Assert.Contains("tinh-a", sent[0].Text);
        Html.AssertWellFormed(sent[1].Text);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;&amp;", sent[1].Text);
        Assert.Equal("tinh-a", (await StateAsync(1006)).Scope);
    }

    [Fact]
    public async Task Nguon_shows_the_full_citations_of_the_last_answer()
    {
        await PostAsync(TelegramUpdates.Text(1007, "/nguon"));
        await PostAsync(TelegramUpdates.Text(1007, "Phòng nào chủ trì chuyển đổi số trong giáo dục?"));
        await PostAsync(TelegramUpdates.Text(1007, "/nguon"));

        var sent = await _telegram.WaitForMessagesAsync(3);
        Assert.DoesNotContain("<blockquote>", sent[0].Text);
        var sources = sent[2].Text;
        Html.AssertWellFormed(sources);
        Assert.Contains("[1]", sources);
        Assert.Contains("<blockquote>", sources);
        var citation = (await StateAsync(1007)).LastAnswer!.Citations[0];
        Assert.Contains(citation.Passage, Html.Visible(sources));
    }

    [Fact]
    public async Task Hostile_corpus_text_is_escaped_in_answers_and_sources()
    {
        await PostAsync(TelegramUpdates.Text(1008, "Mẫu biểu thống kê hằng quý dùng cho báo cáo của các sở ngành?"));
        await PostAsync(TelegramUpdates.Text(1008, "/nguon"));

        var sent = await _telegram.WaitForMessagesAsync(2);
        Assert.All(sent, m => Html.AssertWellFormed(m.Text));
        Assert.All(sent, m => Assert.DoesNotContain("<script>", m.Text));
        Assert.Contains(sent, m => m.Text.Contains("&lt;script&gt;"));
        Assert.Contains(sent, m => Html.Visible(m.Text).Contains(TestCorpus.Hostile));
    }

    [Fact]
    public async Task Long_sources_are_split_into_messages_under_4096()
    {
        await PostAsync(TelegramUpdates.Text(1009, $"Triển khai {TestCorpus.LongTopic} thế nào?"));
        await PostAsync(TelegramUpdates.Text(1009, "/nguon"));
        await PostAsync(TelegramUpdates.Text(1009, "/help"));

        var sent = await _telegram.WaitForMessagesAsync(3);
        var sources = sent.Skip(1).TakeWhile(m => !m.Text.Contains("Cách dùng")).ToList();
        Assert.NotEmpty(sources);
        Assert.Contains(TestCorpus.LongTopic, string.Concat(sources.Select(m => Html.Visible(m.Text))));
        Assert.All(sent, m => Assert.InRange(m.Text.Length, 1, 4096));
        Assert.All(sent, m => Html.AssertWellFormed(m.Text));
        // Cut only where needed: no message would have fitted together with the one before it.
        for (var i = 1; i < sources.Count; i++)
            Assert.True(sources[i - 1].Text.Length + 2 + sources[i].Text.Length > 4096, $"message {i} was cut early");
    }

    [Fact]
    public async Task In_groups_only_mentions_and_replies_to_the_bot_are_answered()
    {
        const long group = -2001;
        var ignored = TelegramUpdates.NextMessageId;
        var mentioned = TelegramUpdates.NextMessageId;
        var replied = TelegramUpdates.NextMessageId;
        await PostAsync(TelegramUpdates.Text(group, "Hạn báo cáo 6 tháng là ngày nào?", "group", messageId: ignored));
        await PostAsync(TelegramUpdates.Text(group, "/help@other_bot", "group"));
        await PostAsync(TelegramUpdates.Text(group, $"@{FakeTelegramApi.BotUsername} hạn báo cáo 6 tháng là ngày nào?", "group", messageId: mentioned));
        await PostAsync(TelegramUpdates.Text(group, "Còn kinh phí lấy từ đâu?", "supergroup", messageId: replied, replyToBot: true));

        var sent = await _telegram.WaitForMessagesAsync(2);
        Assert.Equal([mentioned, replied], sent.Select(m => m.ReplyToMessageId ?? 0));
        Assert.All(sent, m => Assert.Equal(group, m.ChatId));
        Assert.Equal(2, _telegram.Sent.Count);
    }

    [Fact]
    public async Task Duplicate_delivery_of_an_update_is_answered_once()
    {
        var update = TelegramUpdates.Text(1010, "Hạn báo cáo 6 tháng là ngày nào?");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(update));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(update));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(update));
        await PostAsync(TelegramUpdates.Text(1010, "/help"));

        var sent = await _telegram.WaitForMessagesAsync(2);
        Assert.Contains("Cách dùng", Html.Visible(sent[1].Text));
        Assert.Equal(2, _telegram.Sent.Count);
    }

    [Fact]
    public async Task Sends_are_retried_after_429_and_5xx_from_the_bot_api()
    {
        _telegram.FailNextSends(429, 502, 500);
        await PostAsync(TelegramUpdates.Text(1011, "/help"));

        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Contains("/phamvi", sent.Text);
        Assert.Equal(4, _telegram.CallCount("sendMessage"));
    }

    [Fact]
    public async Task A_flooding_chat_is_asked_once_to_slow_down_then_ignored()
    {
        Server(s =>
        {
            s["Telegram:RateLimitMessages"] = "2";
            s["Telegram:RateLimitWindowSeconds"] = "3600";
        });
        for (var i = 0; i < 4; i++) await PostAsync(TelegramUpdates.Text(1012, "/help"));
        // Same chat, so answered after the four messages: its callback answer marks that they were all handled.
        await PostAsync(TelegramUpdates.Callback(1012, "phamvi:*", queryId: "marker"));

        await Eventually.WaitAsync(() => _telegram.CallCount("answerCallbackQuery"), n => n == 1, "the marker");
        var sent = _telegram.Sent;
        Assert.Equal(3, sent.Count);
        Assert.Equal(TelegramOptionsText(ChatReplies.Flooded()), sent[2].Text);
    }

    [Fact]
    public async Task The_webhook_acknowledges_before_a_slow_answer_is_ready()
    {
        var slow = new BlockingStore();
        Server(services: s => s.AddSingleton<IConversationStore>(slow));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(TelegramUpdates.Text(1013, "Hạn báo cáo 6 tháng là ngày nào?")));
        await slow.Entered.Task.WaitAsync(Eventually.Patience);
        Assert.Empty(_telegram.Sent);

        slow.Release.SetResult();
        Assert.Single(await _telegram.WaitForMessagesAsync(1));
    }

    [Fact]
    public async Task An_answer_that_takes_too_long_becomes_an_apology()
    {
        var stuck = new BlockingStore();
        Server(s => s["Telegram:ReplyTimeoutSeconds"] = "1", s => s.AddSingleton<IConversationStore>(stuck));

        await PostAsync(TelegramUpdates.Text(1014, "Hạn báo cáo 6 tháng là ngày nào?"));

        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Assert.Equal(TelegramOptionsText(ChatReplies.TooSlow()), sent.Text);
    }

    private static string TelegramOptionsText(ChatReply reply) => Assert.Single(Telegram.TelegramHtml.Messages(reply));

    /// <summary>A conversation store that holds the first lookup until released: an answer that takes as long as the test wants.</summary>
    private sealed class BlockingStore : IConversationStore
    {
        private readonly InMemoryConversationStore _inner = new();
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await _inner.FindAsync(id, cancellationToken);
        }

        public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default) => _inner.SaveAsync(state, cancellationToken);
    }
}
