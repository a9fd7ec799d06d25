namespace KeHoach57.Conversations.Channels;

public enum SpanStyle { Plain, Bold, Italic }

/// <summary>A run of text with one style. Text is raw (never pre-escaped): each channel escapes for itself.</summary>
/// <param name="Url">When set, the text is a link to this absolute address.</param>
public sealed record ReplySpan(string Text, SpanStyle Style = SpanStyle.Plain, string? Url = null);

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

    /// <summary>What stands between a text and the link after it (" · "); dropped with the link.</summary>
    public const string LinkSeparator = " · ";

    /// <summary>This paragraph without its links (and their separators), for channels that show them as buttons instead.</summary>
    public ReplyParagraph WithoutLinks()
    {
        var kept = new List<ReplySpan>();
        foreach (var span in Spans)
        {
            if (span.Url is null) kept.Add(span);
            else if (kept.Count > 0 && kept[^1] is { Url: null, Text: LinkSeparator }) kept.RemoveAt(kept.Count - 1);
        }
        return this with { Spans = kept };
    }

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

/// <summary>A source page a reply links to: also written in the text, and offered as a button where a channel has them.</summary>
/// <param name="Title">What the button says ("[1] KH xã Yên Hòa › III.1").</param>
public sealed record ReplyLink(string Title, string Url);

/// <summary>What the assistant says back in a chat, before any channel turns it into messages.</summary>
/// <param name="ScopeChoices">When set, the reply offers these plans to choose from.</param>
/// <param name="Notice">A short line for a channel's transient notice (Telegram's callback answer).</param>
/// <param name="Links">The source pages the paragraphs link to, in order (empty when the channel knows no public address).</param>
public sealed record ChatReply(IReadOnlyList<ReplyParagraph> Paragraphs, IReadOnlyList<ScopeChoice>? ScopeChoices = null, string? Notice = null,
    IReadOnlyList<ReplyLink>? Links = null)
{
    public string PlainText => string.Join("\n\n", Paragraphs.Select(p => p.PlainText));
}

/// <summary>How a channel names its commands in the replies' hints ("/nguon" on Telegram, "nguồn" on Zalo).</summary>
/// <param name="HasButtons">The channel shows <see cref="ChatReply.ScopeChoices"/> as buttons; otherwise they are listed in the text.</param>
public sealed record ChannelStyle(string Help, string Scope, string Sources, bool HasButtons)
{
    /// <summary>Where people reach the server's source pages; null: answers name their sources without links.</summary>
    public Uri? Site { get; init; }

    public static readonly ChannelStyle Telegram = new("/help", "/phamvi", "/nguon", HasButtons: true);
    public static readonly ChannelStyle Zalo = new("trợ giúp", "phạm vi", "nguồn", HasButtons: false);
}
