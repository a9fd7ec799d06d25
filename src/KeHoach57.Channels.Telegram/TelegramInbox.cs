using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Options;
using global::Telegram.Bot.Types;

namespace KeHoach57.Channels.Telegram;

/// <summary>The Telegram updates waiting for an answer, whether they came by webhook or by polling.</summary>
public sealed class TelegramInbox(IOptions<TelegramOptions> options, TimeProvider clock)
{
    public ChannelInbox<Update> Queue { get; } = new(options.Value, clock);

    public InboxOffer Offer(Update update) => Queue.Offer("telegram:" + update.Id, ChatKey(update), update);

    private static string ChatKey(Update update) =>
        (update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? update.Id).ToString();
}
