using KeHoach57.Core.Answers;

namespace KeHoach57.Conversations;

/// <summary>What a chat remembers between messages: its scope, the last question (for follow-ups)
/// and the last answer (for "show me the sources").</summary>
/// <param name="Id">Channel-qualified: "web:…", "telegram:&lt;chat id&gt;", "zalo:&lt;user id&gt;", "cli:…".</param>
/// <param name="LastAnswerId">The id the web API gave <paramref name="LastAnswer"/>, so feedback on it can be matched
/// by any replica, not only the one that answered.</param>
public sealed record ConversationState(
    string Id,
    string? Scope = null,
    PreviousTurn? Last = null,
    AnswerRecord? LastAnswer = null,
    DateTimeOffset UpdatedAt = default,
    string? LastAnswerId = null);
