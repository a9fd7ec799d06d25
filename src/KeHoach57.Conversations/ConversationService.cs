using KeHoach57.Answering;
using KeHoach57.Core.Answers;

namespace KeHoach57.Conversations;

/// <summary>
/// The one conversation core behind every channel (CLI chat, web API, Telegram, Zalo): it keeps each
/// conversation's scope and last turn, so follow-ups and scope commands behave the same everywhere.
/// </summary>
public sealed class ConversationService
{
    private readonly IAssistantSource _assistants;
    private readonly IConversationStore _store;
    private readonly TimeProvider _clock;

    /// <summary>Asks whichever assistant <paramref name="assistants"/> holds at each turn (the server swaps it on reload).</summary>
    public ConversationService(IAssistantSource assistants, IConversationStore store, TimeProvider? clock = null)
    {
        _assistants = assistants;
        _store = store;
        _clock = clock ?? TimeProvider.System;
    }

    public ConversationService(Assistant assistant, IConversationStore store, TimeProvider? clock = null)
        : this(new FixedAssistantSource(assistant), store, clock)
    {
    }

    /// <summary>The assistant answering now. Throws before the first corpus has loaded (callers check readiness first).</summary>
    public Assistant Assistant => _assistants.Current ?? throw new InvalidOperationException("The assistant has not loaded a corpus yet.");

    public async Task<ConversationState> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await _store.FindAsync(conversationId, cancellationToken) ?? new ConversationState(conversationId);

    /// <summary>Asks within a conversation. <paramref name="scope"/>, when given, overrides (and becomes) the conversation's scope.</summary>
    public Task<AnswerRecord> AskAsync(string conversationId, string question, string? scope = null, CancellationToken cancellationToken = default) =>
        AskAsync(conversationId, question, scope, answerId: null, cancellationToken);

    /// <param name="answerId">The id the caller gives this answer (web feedback refers to it); kept with the conversation.</param>
    /// <param name="isNew">The caller has just made <paramref name="conversationId"/> up (the web issues a fresh random id
    /// to every client that brings none): nothing can be stored under it, so the store is not asked.</param>
    public async Task<AnswerRecord> AskAsync(string conversationId, string question, string? scope, string? answerId, CancellationToken cancellationToken = default,
        bool isNew = false)
    {
        // One assistant for the whole turn: a reload while it runs does not mix two corpora.
        var assistant = await _assistants.ReadyAsync(cancellationToken);
        var state = isNew ? new ConversationState(conversationId) : await GetAsync(conversationId, cancellationToken);
        var effectiveScope = string.IsNullOrWhiteSpace(scope) ? state.Scope : scope.Trim();
        var answer = await assistant.AskAsync(new AskRequest(question, effectiveScope, state.Last), cancellationToken);
        if (answer.Error is not null) return answer;
        await _store.SaveAsync(state with
        {
            Scope = effectiveScope,
            // A follow-up leans only on an answered turn (after a refusal the next question stands alone).
            Last = new PreviousTurn(answer.ResolvedQuestion ?? question, answer.Answered, answer.PlanId ?? answer.Citations.FirstOrDefault()?.Doc, answer.Subject,
                PreviousTurn.NamedBy(answer)),
            // What "nguồn" shows later: the answer and its sources, not how it was reasoned (which only bloats the store).
            LastAnswer = answer with { Trace = null },
            LastAnswerId = answerId,
            UpdatedAt = _clock.GetUtcNow(),
        }, cancellationToken);
        return answer;
    }

    /// <summary>Sets or clears (null) the conversation's scope. Returns an error message for an unknown document.</summary>
    public async Task<string?> SetScopeAsync(string conversationId, string? scope, CancellationToken cancellationToken = default)
    {
        var assistant = await _assistants.ReadyAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(scope) && assistant.FindDocument(scope.Trim()) is null)
            return assistant.UnknownScopeMessage(scope.Trim());
        var state = await GetAsync(conversationId, cancellationToken);
        await _store.SaveAsync(state with
        {
            Scope = string.IsNullOrWhiteSpace(scope) ? null : assistant.FindDocument(scope.Trim())!.Info.Id,
            Last = null,
            UpdatedAt = _clock.GetUtcNow(),
        }, cancellationToken);
        return null;
    }
}
