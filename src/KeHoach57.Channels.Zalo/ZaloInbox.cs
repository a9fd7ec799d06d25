using KeHoach57.Conversations.Channels;
using KeHoach57.Conversations.Storage;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Zalo;

/// <summary>A text a Zalo user sent the OA, waiting for an answer.</summary>
/// <param name="MessageId">Zalo's msg_id, or a hash of the event when it had none (for dropping redeliveries).</param>
/// <param name="ReplyTo">Zalo's msg_id as sent: the reply quotes it, so Zalo counts it as a reply to the user.</param>
public sealed record ZaloIncoming(string UserId, string Text, string MessageId, string? ReplyTo = null);

/// <summary>Zalo messages waiting for an answer; msg_ids are remembered by the storage provider's delivery log, so
/// with replicas an event retried to another replica is still answered once.</summary>
public sealed class ZaloInbox(IOptions<ZaloOptions> options, DeliveryLogs deliveries)
{
    public ChannelInbox<ZaloIncoming> Queue { get; } = new(options.Value, deliveries.For(options.Value));

    public ValueTask<InboxOffer> OfferAsync(ZaloIncoming message, CancellationToken cancellationToken = default) =>
        Queue.OfferAsync("zalo:" + message.MessageId, message.UserId, message, cancellationToken);
}
