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
}
