namespace KeHoach57.Conversations.Channels;

public enum SpanStyle { Plain, Bold, Italic }

/// <summary>A run of text with one style. Text is raw (never pre-escaped): each channel escapes for itself.</summary>
public sealed record ReplySpan(string Text, SpanStyle Style = SpanStyle.Plain);

/// <summary>
/// One paragraph of a reply. Replies are built as paragraphs so that a channel's length limit can be met by
/// cutting between them, and a paragraph too long on its own can be cut into pieces that each still render
/// as valid markup (see <see cref="MessageSplitter"/>).
/// </summary>
/// <param name="Quote">A quoted passage: Telegram shows it as a block quote, plain text wraps it in quotation marks.</param>
public sealed record ReplyParagraph(IReadOnlyList<ReplySpan> Spans, bool Quote = false)
{
    public static ReplyParagraph Of(string text, SpanStyle style = SpanStyle.Plain) => new([new ReplySpan(text, style)]);

    public static ReplyParagraph Of(params ReplySpan[] spans) => new(spans);

    public string PlainText => string.Concat(Spans.Select(s => s.Text));

    /// <summary>The part of this paragraph between two offsets of <see cref="PlainText"/>, styles kept.</summary>
    public ReplyParagraph Slice(int start, int end)
    {
        var spans = new List<ReplySpan>();
        var offset = 0;
        foreach (var span in Spans)
        {
            var from = Math.Max(start, offset);
            var to = Math.Min(end, offset + span.Text.Length);
            if (from < to) spans.Add(span with { Text = span.Text[(from - offset)..(to - offset)] });
            offset += span.Text.Length;
        }
        return this with { Spans = spans };
    }
}

/// <summary>A plan a chat can be scoped to, offered as a button (Telegram) or listed (Zalo).</summary>
public sealed record ScopeChoice(string Id, string Title);

/// <summary>What the assistant says back in a chat, before any channel turns it into messages.</summary>
/// <param name="ScopeChoices">When set, the reply offers these plans to choose from.</param>
/// <param name="Notice">A short line for a channel's transient notice (Telegram's callback answer).</param>
public sealed record ChatReply(IReadOnlyList<ReplyParagraph> Paragraphs, IReadOnlyList<ScopeChoice>? ScopeChoices = null, string? Notice = null)
{
    public string PlainText => string.Join("\n\n", Paragraphs.Select(p => p.PlainText));
}

/// <summary>How a channel names its commands in the replies' hints ("/nguon" on Telegram, "nguồn" on Zalo).</summary>
/// <param name="HasButtons">The channel shows <see cref="ChatReply.ScopeChoices"/> as buttons; otherwise they are listed in the text.</param>
public sealed record ChannelStyle(string Help, string Scope, string Sources, bool HasButtons)
{
    public static readonly ChannelStyle Telegram = new("/help", "/phamvi", "/nguon", HasButtons: true);
    public static readonly ChannelStyle Zalo = new("trợ giúp", "phạm vi", "nguồn", HasButtons: false);
}
