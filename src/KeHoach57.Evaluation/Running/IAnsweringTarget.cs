using KeHoach57.Core.Answers;

namespace KeHoach57.Evaluation.Running;

/// <summary>Something the eval can put questions to: the assistant, or the naive baseline beside it.</summary>
public interface IAnsweringTarget
{
    string Name { get; }

    /// <summary>
    /// Asks one question. <paramref name="conversationId"/> is null for a standalone question (as in
    /// `ask --batch`) and names the conversation for a dialogue's turns, which must resolve against each other.
    /// </summary>
    Task<AnswerRecord> AskAsync(string question, string? scope, string? conversationId, CancellationToken cancellationToken);
}
