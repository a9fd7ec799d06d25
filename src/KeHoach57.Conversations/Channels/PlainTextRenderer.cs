namespace KeHoach57.Conversations.Channels;

/// <summary>Renders replies for channels without markup (Zalo), and as Telegram's fallback when its HTML is refused.</summary>
public static class PlainTextRenderer
{
    /// <summary>The paragraph's text; a link as its words and address ("Xem văn bản gốc: https://…").</summary>
    public static string Render(ReplyParagraph paragraph)
    {
        var text = string.Concat(paragraph.Spans.Select(s => s.Url is null ? s.Text : $"{s.Text}: {s.Url}"));
        return paragraph.Quote ? "“" + text + "”" : text;
    }
}
