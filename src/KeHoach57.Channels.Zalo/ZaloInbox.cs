using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Zalo;

/// <summary>A text a Zalo user sent the OA, waiting for an answer.</summary>
public sealed record ZaloIncoming(string UserId, string Text, string MessageId);

public sealed class ZaloInbox(IOptions<ZaloOptions> options, TimeProvider clock)
{
    public ChannelInbox<ZaloIncoming> Queue { get; } = new(options.Value, clock);

    public InboxOffer Offer(ZaloIncoming message) => Queue.Offer("zalo:" + message.MessageId, message.UserId, message);
}
