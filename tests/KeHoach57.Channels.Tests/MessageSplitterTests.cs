using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Channels.Zalo;
using KeHoach57.Conversations.Channels;

namespace KeHoach57.Channels.Tests;

public sealed class MessageSplitterTests
{
    [Fact]
    public void Short_reply_is_one_message_with_paragraphs_joined()
    {
        var messages = MessageSplitter.Split([ReplyParagraph.Of("Một."), ReplyParagraph.Of("Hai.")], PlainTextRenderer.Render, 2000);
        Assert.Equal("Một.\n\nHai.", Assert.Single(messages));
    }

    [Theory]
    [InlineData(TelegramOptions.MessageLimit)]
    [InlineData(ZaloOptions.MessageLimit)]
    public void Many_paragraphs_are_cut_between_paragraphs_under_the_limit(int limit)
    {
        var paragraphs = Enumerable.Range(1, 60).Select(i => ReplyParagraph.Of($"Đoạn {i}: " + new string('x', 150 + i))).ToList();
        var messages = MessageSplitter.Split(paragraphs, PlainTextRenderer.Render, limit);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.Length, 1, limit));
        // Cut only between paragraphs: every message is whole paragraphs, in order, nothing lost.
        var rejoined = messages.SelectMany(m => m.Split(MessageSplitter.Separator)).ToList();
        Assert.Equal(paragraphs.Select(p => p.PlainText), rejoined);
    }

    [Fact]
    public void Oversized_paragraph_is_cut_at_sentence_or_word_boundaries()
    {
        var sentence = "Ủy ban nhân dân phường giao nhiệm vụ chuyển đổi số cho các đơn vị. ";
        var paragraph = ReplyParagraph.Of(string.Concat(Enumerable.Repeat(sentence, 120)).Trim());
        var messages = MessageSplitter.Split([paragraph], PlainTextRenderer.Render, ZaloOptions.MessageLimit);

        Assert.True(messages.Count >= 4);
        Assert.All(messages, m => Assert.InRange(m.Length, 1, ZaloOptions.MessageLimit));
        Assert.All(messages, m => Assert.EndsWith("đơn vị.", m));
        Assert.Equal(paragraph.PlainText.Replace(" ", ""), string.Concat(messages).Replace(" ", ""));
    }

    [Fact]
    public void Html_pieces_of_a_hostile_oversized_paragraph_stay_well_formed()
    {
        var hostile = string.Concat(Enumerable.Repeat("<b>&amp; \"trích\" 'dẫn' <script>x</script> ", 400));
        var paragraph = new ReplyParagraph([new ReplySpan("Tiêu đề ", SpanStyle.Bold), new ReplySpan(hostile, SpanStyle.Italic)], Quote: true);
        var messages = TelegramHtml.Messages(new ChatReply([ReplyParagraph.Of("Trước."), paragraph, ReplyParagraph.Of("Sau.")]));

        Assert.True(messages.Count > 2);
        Assert.All(messages, m => Assert.InRange(m.Length, 1, TelegramOptions.MessageLimit));
        Assert.All(messages, Html.AssertWellFormed);
        var visible = string.Concat(messages.Select(Html.Visible));
        Assert.Equal(("Trước.Tiêu đề " + hostile + "Sau.").Replace(" ", ""), visible.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public void Unbroken_text_is_cut_between_characters_never_inside_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀ệ", 1500));
        var messages = MessageSplitter.Split([ReplyParagraph.Of(text)], PlainTextRenderer.Render, ZaloOptions.MessageLimit);

        Assert.True(messages.Count > 1);
        Assert.All(messages, m =>
        {
            Assert.InRange(m.Length, 1, ZaloOptions.MessageLimit);
            Assert.False(char.IsLowSurrogate(m[0]));
            Assert.False(char.IsHighSurrogate(m[^1]));
        });
        Assert.Equal(text, string.Concat(messages));
    }

    [Fact]
    public void Empty_paragraphs_are_dropped() =>
        Assert.Empty(MessageSplitter.Split([ReplyParagraph.Of("  "), ReplyParagraph.Of("")], PlainTextRenderer.Render, 100));
}
