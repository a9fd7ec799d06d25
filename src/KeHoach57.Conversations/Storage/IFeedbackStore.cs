namespace KeHoach57.Conversations.Storage;

/// <summary>A 👍/👎 on one answer, with the question and answer it judges when they are known.</summary>
public sealed record FeedbackEntry(
    long Id,
    DateTimeOffset CreatedAt,
    string ConversationId,
    string AnswerId,
    bool Helpful,
    string? Comment,
    string? Question,
    string? Answer,
    string? Scope);

/// <summary>
/// Where feedback is kept: a SQLite file for one server, PostgreSQL for replicas. One entry per answer
/// (conversation and answer id): rating the same answer again — a second click, a retry that reached the other
/// replica — replaces the judgement instead of counting it twice.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Stores a batch in one transaction. Returns each entry's id, in order.</summary>
    Task<IReadOnlyList<long>> SaveManyAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Every entry, oldest first.</summary>
    Task<IReadOnlyList<FeedbackEntry>> ListAsync(CancellationToken cancellationToken = default);
}
