using System.Diagnostics;
using KeHoach57.Answering;
using KeHoach57.Conversations;
using KeHoach57.Server.Infrastructure;
using KeHoach57.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Ask;

/// <summary>
/// One web question: validated here so a bad one gets a precise 400, then asked through the shared
/// <see cref="ConversationService"/> (follow-ups and scope behave as in every other channel).
/// </summary>
public sealed partial class AskService(
    ConversationService conversations,
    ConversationIds ids,
    IOptions<AnsweringOptions> answering,
    RecentAnswers recent,
    AssistantMetrics metrics,
    ILogger<AskService> logger)
{
    public const string Channel = "web";

    /// <summary>The conversation core's id for a web conversation id.</summary>
    public static string ConversationKey(string conversationId) => $"{Channel}:{conversationId}";

    public readonly record struct Outcome(AskResponse? Response, ProblemHttpResult? Problem);

    /// <param name="client">Who asks (<see cref="ConversationIds.Client"/>): a conversation id continues only for the client it was issued to.</param>
    public async Task<Outcome> AskAsync(AskBody body, string client, CancellationToken cancellationToken)
    {
        var question = body.Question?.Trim() ?? "";
        var scope = string.IsNullOrWhiteSpace(body.Scope) ? null : body.Scope.Trim();
        var problem = Validate(question, scope, body.ConversationId);
        if (problem is not null) return Reject(problem, scope);

        // Another client's id, or one the client made up, starts a new conversation instead of joining that one.
        var continues = body.ConversationId is { } presented && ids.IsIssuedTo(presented, client);
        var conversationId = continues ? body.ConversationId! : ids.Issue(client);
        var answerId = Ids.New();
        var clock = Stopwatch.StartNew();
        // A new id is 16 random bytes just drawn: there is no stored state to read for it.
        var answer = await conversations.AskAsync(ConversationKey(conversationId), question, scope, answerId, cancellationToken, isNew: !continues);
        var latencyMs = Math.Round(clock.Elapsed.TotalMilliseconds, 3);
        if (answer.Error is not null) return Reject(answer.Error, scope);

        recent.Remember(answerId, new RecentAnswers.Entry(conversationId, question, answer.Line, answer.Answered, answer.PlanId ?? scope));
        metrics.Question(Channel, answer.Answered ? "answered" : "not_found", answer.PlanId ?? scope, latencyMs);
        LogAnswered(logger, answer.Answered, answer.Citations.Count, answer.PlanId ?? scope, latencyMs);
        return new(AskResponse.From(answer, latencyMs, conversationId, answerId), null);
    }

    private string? Validate(string question, string? scope, string? conversationId)
    {
        if (question.Length == 0)
            return "Câu hỏi đang trống. Hãy nhập câu hỏi về kế hoạch, ví dụ: \"Mục tiêu chung của kế hoạch là gì?\"";
        var max = answering.Value.MaxQuestionLength;
        if (question.Length > max)
            return $"Câu hỏi quá dài ({question.Length} ký tự). Hãy hỏi ngắn gọn, tối đa {max} ký tự.";
        if (conversationId is not null && !Ids.IsValid(conversationId))
            return "Mã hội thoại (conversationId) không hợp lệ: chỉ gồm chữ, số, '-' hoặc '_', tối đa 64 ký tự.";
        if (scope is not null && conversations.Assistant.FindDocument(scope) is null)
            return conversations.Assistant.UnknownScopeMessage(scope);
        return null;
    }

    private Outcome Reject(string message, string? scope)
    {
        metrics.Question(Channel, "rejected", null, 0);
        LogRejected(logger, scope, message);
        return new(null, Problems.BadRequest(message));
    }

    // Generated: checked against the level before anything is boxed or formatted (the extension methods box every value
    // into a new array at each answer, logged or not).
    [LoggerMessage(Level = LogLevel.Information, Message = "Answered={Answered} citations={Citations} scope={Scope} in {LatencyMs} ms")]
    private static partial void LogAnswered(ILogger logger, bool answered, int citations, string? scope, double latencyMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected question (scope {Scope}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string? scope, string reason);
}

/// <summary>Ids the server hands out and takes back from clients.</summary>
public static class Ids
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
