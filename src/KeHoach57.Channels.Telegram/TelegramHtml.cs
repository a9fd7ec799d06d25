using System.Text;
using KeHoach57.Conversations.Channels;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace KeHoach57.Channels.Telegram;

/// <summary>
/// Replies as Telegram HTML: every piece of text (the user's, the corpus's, ours) goes through <see cref="Escape"/>;
/// the only tags are the ones written here (b, i, a, blockquote). Messages are cut by their HTML length, escapes
/// included, so a quote full of "&amp;" and "&lt;" never overflows the limit; and only what Telegram's HTML needs is
/// escaped, so Vietnamese letters count as themselves (a general HTML encoder writes "à" as "&amp;#224;", six
/// characters, and cut Vietnamese answers into several messages early).
/// Scope choices become an inline keyboard whose callback data names the plan.
/// </summary>
public static class TelegramHtml
{
    public const string ScopeCallbackPrefix = "phamvi:";
    public const string AllPlansCallback = ScopeCallbackPrefix + "*";
    private const int CallbackDataBytes = 64;
    private const int ButtonTextLength = 60;

    public static string Render(ReplyParagraph paragraph)
    {
        var html = new StringBuilder();
        foreach (var span in paragraph.Spans)
        {
            var text = Escape(span.Text);
            text = span.Style switch
            {
                SpanStyle.Bold => $"<b>{text}</b>",
                SpanStyle.Italic => $"<i>{text}</i>",
                _ => text,
            };
            html.Append(span.Url is { } url ? $"<a href=\"{Escape(url)}\">{text}</a>" : text);
        }
        return paragraph.Quote ? $"<blockquote>{html}</blockquote>" : html.ToString();
    }

    /// <summary>Telegram's HTML escapes: &amp;, &lt;, &gt; and &quot; (the named entities it knows); everything else as is.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0) return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            html.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", _ => c.ToString() });
        return html.ToString();
    }

    public static IReadOnlyList<string> Messages(ChatReply reply) =>
        MessageSplitter.Split(reply.Paragraphs, Render, TelegramOptions.MessageLimit);

    /// <summary>The same reply without markup, for when Telegram refuses the HTML.</summary>
    public static IReadOnlyList<string> PlainMessages(ChatReply reply) =>
        MessageSplitter.Split(reply.Paragraphs, PlainTextRenderer.Render, TelegramOptions.MessageLimit);

    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<ScopeChoice>? choices)
    {
        if (choices is null || choices.Count == 0) return null;
        var rows = choices
            .Where(c => Encoding.UTF8.GetByteCount(ScopeCallbackPrefix + c.Id) <= CallbackDataBytes)
            .Select(c => new[] { InlineKeyboardButton.WithCallbackData(ChatReplies.Shorten(c.Title, ButtonTextLength), ScopeCallbackPrefix + c.Id) })
            .Append([InlineKeyboardButton.WithCallbackData("Tất cả kế hoạch", AllPlansCallback)]);
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The plan id a keyboard button carries ("*" for all plans), or null for data that is not ours.</summary>
    public static string? ScopeFromCallback(string? data) =>
        data is not null && data.StartsWith(ScopeCallbackPrefix, StringComparison.Ordinal) && data.Length > ScopeCallbackPrefix.Length
            ? data[ScopeCallbackPrefix.Length..]
            : null;
}
