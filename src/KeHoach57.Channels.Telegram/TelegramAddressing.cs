using System.Text.RegularExpressions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace KeHoach57.Channels.Telegram;

/// <summary>
/// Whether a message is for the bot. Private chats: always. Groups: only when the bot is mentioned
/// (@username, removed from the question), the message replies to the bot, or it is a slash command
/// (the command parser then drops "/cmd@otherbot"); everything else is people talking to each other.
/// </summary>
public static partial class TelegramAddressing
{
    /// <returns>The text to act on, or null when the message is not for the bot.</returns>
    public static string? AddressedText(Message message, BotIdentity bot)
    {
        var text = message.Text;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (message.Chat.Type == ChatType.Private) return text;
        if (message.Chat.Type is not (ChatType.Group or ChatType.Supergroup)) return null;

        if (text.TrimStart().StartsWith('/')) return text;
        if (!string.IsNullOrEmpty(bot.Username))
        {
            var mention = new Regex(@"(?<![\w@])@" + Regex.Escape(bot.Username) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (mention.IsMatch(text)) return Spaces().Replace(mention.Replace(text, " "), " ").Trim();
        }
        var repliedTo = message.ReplyToMessage?.From;
        if (repliedTo is not null && (bot.Id != 0 ? repliedTo.Id == bot.Id
                : repliedTo.IsBot && string.Equals(repliedTo.Username, bot.Username, StringComparison.OrdinalIgnoreCase)))
            return text;
        return null;
    }

    [GeneratedRegex("[ \t]{2,}")]
    private static partial Regex Spaces();
}
