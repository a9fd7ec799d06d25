namespace KeHoach57.Conversations;

/// <summary>
/// Where conversation state lives: memory for the CLI and tests, SQLite for the server and bots (a PostgreSQL
/// store can sit behind the same seam). Two methods to write; batching and pruning have plain defaults that a
/// durable store overrides.
/// </summary>
public interface IConversationStore
{
    Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default);

    Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default);

    /// <summary>Saves several states at once (the background writer's batch), ideally in one transaction.</summary>
    async Task SaveManyAsync(IReadOnlyList<ConversationState> states, CancellationToken cancellationToken = default)
    {
        foreach (var state in states) await SaveAsync(state, cancellationToken);
    }

    /// <summary>Forgets conversations last updated before <paramref name="updatedBefore"/>, then the oldest beyond
    /// <paramref name="maxConversations"/>. Returns how many were removed.</summary>
    Task<int> PruneAsync(DateTimeOffset updatedBefore, int maxConversations, CancellationToken cancellationToken = default) => Task.FromResult(0);
}
