using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Zalo;

/// <summary>A text a Zalo user sent the OA, waiting for an answer.</summary>
/// <param name="MessageId">Zalo's msg_id, or a hash of the event when it had none (for dropping redeliveries).</param>
/// <param name="ReplyTo">Zalo's msg_id as sent: the reply quotes it, so Zalo counts it as a reply to the user.</param>
public sealed record ZaloIncoming(string UserId, string Text, string MessageId, string? ReplyTo = null);

public sealed class ZaloInbox(IOptions<ZaloOptions> options, TimeProvider clock)
{
    public ChannelInbox<ZaloIncoming> Queue { get; } = new(options.Value, clock);

    public InboxOffer Offer(ZaloIncoming message) => Queue.Offer("zalo:" + message.MessageId, message.UserId, message);
}
