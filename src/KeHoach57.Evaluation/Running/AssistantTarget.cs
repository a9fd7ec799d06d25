using KeHoach57.Answering;
using KeHoach57.Conversations;
using KeHoach57.Core.Answers;

namespace KeHoach57.Evaluation.Running;

/// <summary>
/// The assistant as every channel reaches it: standalone questions straight to <see cref="Assistant"/>
/// (the batch path), dialogue turns through <see cref="ConversationService"/> (the chat path).
/// </summary>
public sealed class AssistantTarget(ConversationService conversations, string name = AssistantTarget.DefaultName) : IAnsweringTarget
{
    public const string DefaultName = "assistant";

    public string Name => name;

    public Task<AnswerRecord> AskAsync(string question, string? scope, string? conversationId, CancellationToken cancellationToken) =>
        conversationId is null
            ? conversations.Assistant.AskAsync(new AskRequest(question, scope), cancellationToken)
            : conversations.AskAsync(conversationId, question, scope, cancellationToken);
}
