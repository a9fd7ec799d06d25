using System.Text;
using System.Text.Json;
using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Conversations.Channels;
using KeHoach57.Core.Answers;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace KeHoach57.Channels.Tests;

public sealed class TelegramFormattingTests
{
    [Fact]
    public void Everything_user_or_corpus_derived_is_html_escaped()
    {
        var answer = new AnswerRecord(true, "Theo **kế hoạch** <i>x</i> & y", "x", AskKind.Fact,
            [new Citation("doc<1>", "Tiêu đề <b>", "Mục & \"1\"", TestCorpus.Hostile, TestCorpus.Hostile, 1, "doc/p0")]);
        var html = string.Join("\n\n", TelegramHtml.Messages(ChatReplies.Answer(answer, ChannelStyle.Telegram)));

        Html.AssertWellFormed(html);
        // The answer line is shown in bold as one span: nothing in it is read as markup.
        Assert.Contains("<b>Theo **kế hoạch** &lt;i&gt;x&lt;/i&gt; &amp; y</b>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Tiêu đề <b>", Html.Visible(html));
    }

    [Fact]
    public void Compact_citation_is_title_section_and_a_short_quote()
    {
        var quote = string.Join(" ", Enumerable.Repeat("nội dung trích dẫn dài", 40));
        var answer = new AnswerRecord(true, "Trả lời.", "Trả lời", AskKind.Fact,
            [new Citation("yen-hoa", "Kế hoạch Yên Hòa", "III. Tổ chức thực hiện", quote, quote, 1, "yen-hoa/p1") { Label = "KH xã Yên Hòa › III" }]);
        var visible = Html.Visible(Assert.Single(TelegramHtml.Messages(ChatReplies.Answer(answer, ChannelStyle.Telegram))));

        Assert.Contains("[1] KH xã Yên Hòa › III", visible);
        Assert.Contains("…", visible);
        Assert.True(visible.Length < quote.Length);
    }

    [Fact]
    public void Scope_keyboard_carries_plan_ids_within_callback_limits()
    {
        var keyboard = TelegramHtml.Keyboard([new ScopeChoice("yen-hoa", "Kế hoạch Yên Hòa"), new ScopeChoice(new string('x', 80), "Quá dài")])!;
        var buttons = keyboard.InlineKeyboard.SelectMany(r => r).ToList();

        Assert.Equal(["phamvi:yen-hoa", "phamvi:*"], buttons.Select(b => b.CallbackData));
        Assert.All(buttons, b => Assert.InRange(Encoding.UTF8.GetByteCount(b.CallbackData!), 1, 64));
        Assert.Equal("yen-hoa", TelegramHtml.ScopeFromCallback("phamvi:yen-hoa"));
        Assert.Equal("*", TelegramHtml.ScopeFromCallback("phamvi:*"));
        Assert.Null(TelegramHtml.ScopeFromCallback("other:1"));
        Assert.Null(TelegramHtml.ScopeFromCallback("phamvi:"));
    }

    [Theory]
    [InlineData("private", "câu hỏi", false, "câu hỏi")]
    [InlineData("group", "câu hỏi", false, null)]
    [InlineData("group", "@kehoach57_bot câu hỏi", false, "câu hỏi")]
    [InlineData("supergroup", "Hỏi @KeHoach57_Bot: hạn báo cáo?", false, "Hỏi : hạn báo cáo?")]
    [InlineData("group", "hỏi @kehoach57_bot_fan thôi", false, null)]
    [InlineData("group", "câu hỏi tiếp", true, "câu hỏi tiếp")]
    [InlineData("group", "/nguon", false, "/nguon")]
    [InlineData("channel", "@kehoach57_bot câu hỏi", false, null)]
    public void Group_messages_are_for_the_bot_only_when_mentioned_or_replied_to(string chatType, string text, bool replyToBot, string? expected)
    {
        var update = JsonSerializer.Deserialize<Update>(TelegramUpdates.Text(-100, text, chatType, replyToBot: replyToBot), JsonBotAPI.Options)!;
        var actual = TelegramAddressing.AddressedText(update.Message!, new BotIdentity(FakeTelegramApi.BotId, FakeTelegramApi.BotUsername));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("test-secret", "test-secret", true)]
    [InlineData("test-secret", "test-secreT", false)]
    [InlineData("test-secret", "", false)]
    [InlineData("test-secret", null, false)]
    [InlineData("", "", false)]
    [InlineData(null, "anything", false)]
    public void Webhook_secret_must_match_exactly(string? expected, string? presented, bool matches) =>
        Assert.Equal(matches, TelegramWebhookEndpoint.SecretMatches(expected, presented));
}
