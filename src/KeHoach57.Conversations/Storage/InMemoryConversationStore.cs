using System.Collections.Concurrent;

namespace KeHoach57.Conversations;

public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<string, ConversationState> _states = new();

    public Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.TryGetValue(id, out var s) ? s : null);

    public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default)
    {
        _states[state.Id] = state;
        return Task.CompletedTask;
    }

    public Task<int> PruneAsync(DateTimeOffset updatedBefore, int maxConversations, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        var ordered = _states.Values.OrderByDescending(s => s.UpdatedAt).ToList();
        for (var i = 0; i < ordered.Count; i++)
            if ((ordered[i].UpdatedAt < updatedBefore || i >= maxConversations) && _states.TryRemove(ordered[i].Id, out _))
                removed++;
        return Task.FromResult(removed);
    }
}
