using KeHoach57.Conversations.Channels;
using KeHoach57.Conversations.Storage;
using Microsoft.Extensions.Options;
using global::Telegram.Bot.Types;

namespace KeHoach57.Channels.Telegram;

/// <summary>The Telegram updates waiting for an answer, whether they came by webhook or by polling.
/// Update ids are remembered by the storage provider's delivery log, so with replicas an update retried to another
/// replica is still answered once.</summary>
public sealed class TelegramInbox(IOptions<TelegramOptions> options, DeliveryLogs deliveries)
{
    public ChannelInbox<Update> Queue { get; } = new(options.Value, deliveries.For(options.Value));

    public ValueTask<InboxOffer> OfferAsync(Update update, CancellationToken cancellationToken = default) =>
        Queue.OfferAsync("telegram:" + update.Id, ChatKey(update), update, cancellationToken);

    private static string ChatKey(Update update) =>
        (update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? update.Id).ToString();
}
