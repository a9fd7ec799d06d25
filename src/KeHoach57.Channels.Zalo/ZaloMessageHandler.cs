using KeHoach57.Conversations;
using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Zalo;

/// <summary>Answers one Zalo text: keywords ("phạm vi", "nguồn", "trợ giúp") or a question, replied as plain text
/// in messages of at most 2,000 characters.</summary>
public sealed class ZaloMessageHandler
{
    private readonly ZaloClient _client;
    private readonly IndexWarmup _warmup;
    private readonly ChatTurns _turns;

    public ZaloMessageHandler(ZaloClient client, ConversationService conversations, IndexWarmup warmup, IOptions<ZaloOptions> options,
        TimeProvider clock, ILogger<ZaloMessageHandler> logger)
    {
        _client = client;
        _warmup = warmup;
        _turns = options.Value.CreateTurns(conversations, ChannelStyle.Zalo, clock, logger);
    }

    public static string ConversationId(string userId) => $"zalo:{userId}";

    public static IReadOnlyList<string> Messages(ChatReply reply) =>
        MessageSplitter.Split(reply.Paragraphs, PlainTextRenderer.Render, ZaloOptions.MessageLimit);

    public async Task HandleAsync(ZaloIncoming message, CancellationToken cancellationToken)
    {
        await _warmup.EnsureAsync();
        var reply = await _turns.ReplyAsync(ConversationId(message.UserId), message.Text, cancellationToken: cancellationToken);
        if (reply is null) return;
        foreach (var text in Messages(reply))
            await _client.SendTextAsync(message.UserId, text, message.ReplyTo, cancellationToken);
    }
}
