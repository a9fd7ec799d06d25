namespace KeHoach57.Conversations;

/// <summary>Where conversation state lives: memory for the CLI and tests, SQLite for bots that must survive restarts.</summary>
public interface IConversationStore
{
    Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default);
    Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default);
}
