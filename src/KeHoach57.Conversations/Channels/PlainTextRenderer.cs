namespace KeHoach57.Conversations.Channels;

/// <summary>Renders replies for channels without markup (Zalo), and as Telegram's fallback when its HTML is refused.</summary>
public static class PlainTextRenderer
{
    public static string Render(ReplyParagraph paragraph)
    {
        var text = paragraph.PlainText;
        return paragraph.Quote ? "“" + text + "”" : text;
    }
}
