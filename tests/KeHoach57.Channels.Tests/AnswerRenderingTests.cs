using System.Text.RegularExpressions;
using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Channels.Zalo;
using KeHoach57.Conversations.Channels;
using KeHoach57.Core.Answers;
using KeHoach57.Tests.Shared;

namespace KeHoach57.Channels.Tests;

/// <summary>Telegram and Zalo rendering the shared answer record (<see cref="SampleAnswers"/>), as the terminal and the widget do.</summary>
public sealed class AnswerRenderingTests
{
    private static readonly Uri Site = new("https://tro-ly.example.gov.vn/");

    private static ChatReply Reply(ChannelStyle style, Uri? site = null) =>
        ChatReplies.Answer(SampleAnswers.Answered(), style with { Site = site });

    private static string PassageUrl(int i) => SourceText.PassageUrl(Site, SampleAnswers.ChunkIds[i]).AbsoluteUri;

    [Fact]
    public void Telegram_shows_the_answer_line_once_in_bold_then_each_source_with_its_quote_and_a_link()
    {
        var html = Assert.Single(TelegramHtml.Messages(Reply(ChannelStyle.Telegram, Site)));
        var visible = Html.Visible(html);

        Html.AssertWellFormed(html);
        Assert.StartsWith($"<b>{SampleAnswers.Line}</b>", html);
        Assert.Single(Regex.Matches(visible, Regex.Escape(SampleAnswers.Line)));
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains($"[{i + 1}] <b>{SampleAnswers.Labels[i]}</b>", html);
            Assert.Contains($"<a href=\"{TelegramHtml.Escape(PassageUrl(i))}\">{SourceText.OpenSource}</a>", html);
        }
        Assert.Contains($"“{SampleAnswers.RestoredQuote}” ({SourceText.RestoredNote})", visible);
        Assert.Contains(SampleAnswers.EscapedQuote, visible);
        Assert.Contains("&amp; Thông tin &lt;chủ trì&gt; cập nhật số liệu &quot;hằng quý&quot;", html);
        Assert.Contains("…", visible); // the long quote is cut at a word
    }

    [Fact]
    public void Telegram_without_a_public_address_names_the_sources_without_links()
    {
        var html = Assert.Single(TelegramHtml.Messages(Reply(ChannelStyle.Telegram)));

        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain(SourceText.OpenSource, html);
        Assert.Contains(SampleAnswers.Labels[2], Html.Visible(html));
    }

    [Fact]
    public void Telegram_cuts_messages_by_their_escaped_length_not_the_plain_one()
    {
        // 3,000 visible characters that escape to about 5,000: one message by plain count, two by what Telegram is sent.
        var text = string.Concat(Enumerable.Repeat("a & b < c; ", 272));
        var reply = new ChatReply([ReplyParagraph.Of(text)]);

        var messages = TelegramHtml.Messages(reply);

        Assert.True(text.Length <= TelegramOptions.MessageLimit);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Length, 1, TelegramOptions.MessageLimit));
        Assert.True(messages[0].Length > TelegramOptions.MessageLimit * 9 / 10, "the first message is filled, not cut early");
        Assert.All(messages, Html.AssertWellFormed);
        Assert.Equal(text.TrimEnd(), string.Join(" ", messages.Select(Html.Visible)));
    }

    [Fact]
    public void Telegram_counts_vietnamese_letters_as_one_character_each()
    {
        // 3,900 characters of Vietnamese prose fit one message: no letter is written as a numeric entity.
        var text = string.Concat(Enumerable.Repeat("Văn phòng ủy ban xã báo cáo kết quả thực hiện. ", 83));
        var message = Assert.Single(TelegramHtml.Messages(new ChatReply([ReplyParagraph.Of(text.TrimEnd())])));

        Assert.Equal(text.TrimEnd(), message);
    }

    [Fact]
    public void Zalo_sends_the_answer_as_text_and_each_source_page_as_a_button()
    {
        var (messages, buttons) = ZaloMessageHandler.Structured(Reply(ChannelStyle.Zalo, Site));

        var text = Assert.Single(messages);
        Assert.StartsWith(SampleAnswers.Line + "\n\n", text);
        Assert.Single(Regex.Matches(text, Regex.Escape(SampleAnswers.Line)));
        Assert.DoesNotContain("http", text);
        Assert.DoesNotContain(SourceText.OpenSource, text);
        Assert.Contains($"[1] {SampleAnswers.Labels[0]}\n“{SampleAnswers.RestoredQuote}” ({SourceText.RestoredNote})", text);
        Assert.Contains(SampleAnswers.EscapedQuote, text);
        Assert.Equal(3, buttons.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal($"[{i + 1}] {SampleAnswers.Labels[i]}", buttons[i].Title);
            Assert.Equal(PassageUrl(i), buttons[i].Url);
            Assert.InRange(buttons[i].Title.Length, 1, ZaloClient.ButtonTitleLimit);
        }
    }

    [Fact]
    public void Zalo_text_fallback_writes_each_link_out()
    {
        var text = Assert.Single(ZaloMessageHandler.Messages(Reply(ChannelStyle.Zalo, Site)));

        for (var i = 0; i < 3; i++) Assert.Contains($"{SourceText.OpenSource}: {PassageUrl(i)}", text);
        Assert.DoesNotContain("&amp;", text);
    }

    [Fact]
    public void Zalo_without_a_public_address_sends_text_only()
    {
        var (messages, buttons) = ZaloMessageHandler.Structured(Reply(ChannelStyle.Zalo));

        Assert.Empty(buttons);
        Assert.DoesNotContain("http", Assert.Single(messages));
    }

    [Theory]
    [InlineData("https://tro-ly.example.gov.vn", "https://tro-ly.example.gov.vn/documents/yen-hoa?highlight=ii#chunk-ii")]
    [InlineData("https://example.gov.vn/tro-ly/", "https://example.gov.vn/tro-ly/documents/yen-hoa?highlight=ii#chunk-ii")]
    [InlineData("https://example.gov.vn/tro-ly?x=1", "https://example.gov.vn/tro-ly/documents/yen-hoa?highlight=ii#chunk-ii")]
    [InlineData("ftp://example.gov.vn", null)]
    [InlineData("not a url", null)]
    [InlineData("", null)]
    public void Public_address_setting_gives_links_under_it_or_none(string setting, string? expected)
    {
        var site = new ZaloOptions { PublicBaseUrl = setting }.Site;

        Assert.Equal(expected, site is null ? null : SourceText.PassageUrl(site, "yen-hoa/ii").AbsoluteUri);
    }
}
