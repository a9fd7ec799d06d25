using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Logging;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace KeHoach57.Channels.Telegram;

/// <summary>Sends a reply as one or more HTML messages: the first attached to the question, the keyboard on the last.</summary>
public sealed class TelegramSender(TelegramApi api, ILogger<TelegramSender> logger)
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <param name="replyTo">In groups, the message being answered, so the answer is visibly attached to it.</param>
    public async Task SendAsync(long chatId, ChatReply reply, int? replyTo, int? threadId, CancellationToken cancellationToken)
    {
        var client = api.CreateClient();
        var keyboard = TelegramHtml.Keyboard(reply.ScopeChoices);
        try
        {
            await SendAllAsync(client, chatId, TelegramHtml.Messages(reply), ParseMode.Html, keyboard, replyTo, threadId, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("parse entities", StringComparison.OrdinalIgnoreCase))
        {
            // Our HTML should always parse; if Telegram disagrees, the person still gets the answer as plain text.
            logger.LogError(ex, "Telegram refused the HTML of a reply to chat {Chat}; sending it as plain text", chatId);
            await SendAllAsync(client, chatId, TelegramHtml.PlainMessages(reply), ParseMode.None, keyboard, replyTo, threadId, cancellationToken);
        }
    }

    private static async Task SendAllAsync(ITelegramBotClient client, long chatId, IReadOnlyList<string> messages, ParseMode parseMode,
        InlineKeyboardMarkup? keyboard, int? replyTo, int? threadId, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var replyParameters = i == 0 && replyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;
            await client.SendMessage(chatId, messages[i], parseMode, replyParameters, i == messages.Count - 1 ? keyboard : null, NoPreview,
                messageThreadId: threadId, cancellationToken: cancellationToken);
        }
    }
}
