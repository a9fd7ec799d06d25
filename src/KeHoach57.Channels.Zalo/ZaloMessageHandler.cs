using KeHoach57.Conversations;
using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Zalo;

/// <summary>
/// Answers one Zalo text: keywords ("phạm vi", "nguồn", "trợ giúp") or a question, replied as plain text in
/// messages of at most 2,000 characters. When the answer links to source pages, the last message carries one
/// "oa.open.url" button per source instead of the addresses in the text; if Zalo refuses that message, the
/// same text goes out plain, followed by the addresses.
/// </summary>
public sealed class ZaloMessageHandler
{
    private readonly ZaloClient _client;
    private readonly IndexWarmup _warmup;
    private readonly ChatTurns _turns;
    private readonly ILogger _logger;

    public ZaloMessageHandler(ZaloClient client, ConversationService conversations, IndexWarmup warmup, IOptions<ZaloOptions> options,
        TimeProvider clock, ILogger<ZaloMessageHandler> logger)
    {
        _client = client;
        _warmup = warmup;
        _logger = logger;
        _turns = options.Value.CreateTurns(conversations, ChannelStyle.Zalo, clock, logger);
    }

    public static string ConversationId(string userId) => $"zalo:{userId}";

    /// <summary>The reply as plain text messages, links written out ("Xem văn bản gốc: https://…").</summary>
    public static IReadOnlyList<string> Messages(ChatReply reply) =>
        MessageSplitter.Split(reply.Paragraphs, PlainTextRenderer.Render, ZaloOptions.MessageLimit);

    /// <summary>The reply as Zalo shows it best: text without the addresses, and the links as buttons under the last message.</summary>
    public static (IReadOnlyList<string> Messages, IReadOnlyList<ZaloUrlButton> Buttons) Structured(ChatReply reply)
    {
        var buttons = (reply.Links ?? []).Take(ZaloClient.MaxButtons)
            .Select(l => new ZaloUrlButton(ChatReplies.Shorten(l.Title, ZaloClient.ButtonTitleLimit), l.Url))
            .ToList();
        if (buttons.Count == 0) return (Messages(reply), buttons);
        return (MessageSplitter.Split(reply.Paragraphs.Select(p => p.WithoutLinks()), PlainTextRenderer.Render, ZaloOptions.MessageLimit), buttons);
    }

    public async Task HandleAsync(ZaloIncoming message, CancellationToken cancellationToken)
    {
        await _warmup.EnsureAsync();
        var reply = await _turns.ReplyAsync(ConversationId(message.UserId), message.Text, cancellationToken: cancellationToken);
        if (reply is null) return;
        var (texts, buttons) = Structured(reply);
        for (var i = 0; i < texts.Count; i++)
        {
            if (i < texts.Count - 1 || buttons.Count == 0) await _client.SendTextAsync(message.UserId, texts[i], message.ReplyTo, cancellationToken);
            else await SendLastWithButtonsAsync(message.UserId, texts[i], buttons, message.ReplyTo, cancellationToken);
        }
    }

    private async Task SendLastWithButtonsAsync(string userId, string text, IReadOnlyList<ZaloUrlButton> buttons, string? replyTo,
        CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendWithButtonsAsync(userId, text, buttons, replyTo, cancellationToken);
        }
        catch (ZaloApiException ex)
        {
            // The person still gets everything: the text, then the addresses the buttons would have opened.
            _logger.LogWarning(ex, "Zalo refused a message with buttons (error {Code}); sending it as text", ex.Code);
            await _client.SendTextAsync(userId, text, replyTo, cancellationToken);
            var links = string.Join("\n", buttons.Select(b => $"{b.Title}: {b.Url}"));
            foreach (var piece in MessageSplitter.Split([ReplyParagraph.Of(Core.Answers.SourceText.OpenSource + ":\n" + links)],
                         PlainTextRenderer.Render, ZaloOptions.MessageLimit))
                await _client.SendTextAsync(userId, piece, replyTo, cancellationToken);
        }
    }
}
