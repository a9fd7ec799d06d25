using Microsoft.Extensions.Logging;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// One turn of a chat, for any channel: rate limit, read the command, act on the conversation, build the
/// reply. Channels only decide whether a message is addressed to the bot, then render and send the reply.
/// </summary>
/// <param name="answerTimeout">Longest wait for an answer before apologising; sending the reply is not counted.</param>
public sealed class ChatTurns(ConversationService conversations, ChannelStyle style, ChatRateLimiter limiter, TimeSpan answerTimeout, ILogger logger)
{
    /// <returns>The reply, or null when the bot should stay silent (flooding, or a command for another bot).</returns>
    public async Task<ChatReply?> ReplyAsync(string conversationId, string text, string? botUsername = null, CancellationToken cancellationToken = default)
    {
        var command = ChannelCommands.Parse(text, botUsername);
        if (command.Kind == ChannelCommandKind.NotForMe) return null;
        return await Guarded(conversationId, ct => command.Kind switch
        {
            ChannelCommandKind.Start => Task.FromResult(ChatReplies.Start(Plans(), style)),
            ChannelCommandKind.Help => Task.FromResult(ChatReplies.Help(style)),
            ChannelCommandKind.Unknown => Task.FromResult(ChatReplies.Unknown(command.Argument, style)),
            ChannelCommandKind.Sources => SourcesAsync(conversationId, ct),
            ChannelCommandKind.Scope when command.Argument.Length == 0 => ScopeMenuAsync(conversationId, ct),
            ChannelCommandKind.Scope => SetScopeAsync(conversationId, command.Argument, ct),
            _ => AskAsync(conversationId, command.Argument, ct),
        }, cancellationToken);
    }

    /// <summary>A scope picked from the offered choices (Telegram's inline keyboard): a document id, or "*" for all plans.</summary>
    public Task<ChatReply?> ChooseScopeAsync(string conversationId, string scope, CancellationToken cancellationToken = default) =>
        Guarded(conversationId, ct => SetScopeAsync(conversationId, scope, ct), cancellationToken);

    /// <summary>A photo, sticker or voice note: says the bot reads text only (rate limited like any message).</summary>
    public Task<ChatReply?> ReplyToNonTextAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Guarded(conversationId, _ => Task.FromResult(ChatReplies.TextOnly()), cancellationToken);

    public IReadOnlyList<ScopeChoice> Plans() =>
        conversations.Assistant.Corpus.Documents.Select(d => new ScopeChoice(d.Info.Id, d.Info.Title)).ToList();

    /// <summary>Rate limit, then act under the answer timeout. A timeout or a failure becomes an apology; shutting
    /// down (<paramref name="cancellationToken"/> cancelled) is not answered at all.</summary>
    private async Task<ChatReply?> Guarded(string conversationId, Func<CancellationToken, Task<ChatReply>> act, CancellationToken cancellationToken)
    {
        switch (limiter.Check(conversationId))
        {
            case RateDecision.LimitedSilent: return null;
            case RateDecision.LimitedNotify:
                logger.LogInformation("Rate limiting {Conversation}", conversationId);
                return ChatReplies.Flooded();
        }
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(answerTimeout);
        try
        {
            return await act(answer.Token);
        }
        catch (OperationCanceledException) when (answer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Answer for {Conversation} timed out", conversationId);
            return ChatReplies.TooSlow();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not answer {Conversation}", conversationId);
            return ChatReplies.Failed();
        }
    }

    private async Task<ChatReply> AskAsync(string conversationId, string question, CancellationToken cancellationToken) =>
        ChatReplies.Answer(await conversations.AskAsync(conversationId, question, cancellationToken: cancellationToken), style);

    private async Task<ChatReply> SourcesAsync(string conversationId, CancellationToken cancellationToken) =>
        ChatReplies.Sources(await conversations.GetAsync(conversationId, cancellationToken), style);

    private async Task<ChatReply> ScopeMenuAsync(string conversationId, CancellationToken cancellationToken)
    {
        var state = await conversations.GetAsync(conversationId, cancellationToken);
        return ChatReplies.ScopeMenu(Find(state.Scope), Plans(), style);
    }

    private async Task<ChatReply> SetScopeAsync(string conversationId, string scope, CancellationToken cancellationToken)
    {
        var clear = ChannelCommands.MeansAllPlans(scope);
        var error = await conversations.SetScopeAsync(conversationId, clear ? null : scope, cancellationToken);
        if (error is not null) return ChatReplies.Say(error, "Không tìm thấy kế hoạch");
        return ChatReplies.ScopeSet(clear ? null : Find(scope));
    }

    private ScopeChoice? Find(string? id) =>
        id is null ? null : conversations.Assistant.FindDocument(id) is { } d ? new ScopeChoice(d.Info.Id, d.Info.Title) : null;
}
