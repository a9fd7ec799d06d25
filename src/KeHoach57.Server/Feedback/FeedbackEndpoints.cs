using System.Text;
using KeHoach57.Conversations;
using KeHoach57.Conversations.Storage;
using KeHoach57.Server.Ask;
using KeHoach57.Server.Infrastructure;
using KeHoach57.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Feedback;

public static class FeedbackEndpoints
{
    public sealed record FeedbackBody(string? ConversationId, string? AnswerId, bool? Helpful, string? Comment);

    public sealed record FeedbackReceipt(long Id, string Message);

    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/feedback").RequireRateLimiting(RateLimiting.Feedback).WithTags("feedback");
        api.MapPost("/", PostAsync).RequireCors(ServerSetup.CorsPolicy)
            .AcceptsJson<FeedbackBody>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests);
        // Not CORS-enabled: the export is for administrators' tools, never for a browser on a portal.
        api.MapGet("/", ExportAsync)
            .Produces<IReadOnlyList<FeedbackEntry>>(StatusCodes.Status200OK, "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // format=csv: the same entries as a spreadsheet file.
                operation.Responses?["200"].Content?.TryAdd("text/csv", new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                return Task.CompletedTask;
            })
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    private static async Task<Results<Ok<FeedbackReceipt>, ProblemHttpResult>> PostAsync(HttpContext http, FeedbackStore store, RecentAnswers recent,
        ConversationService conversations, IOptions<FeedbackOptions> options, AssistantMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<FeedbackBody>(http, cancellationToken);
        if (problem is not null) return problem;
        if (body!.ConversationId is not { } conversationId || !Ids.IsValid(conversationId))
            return Problems.BadRequest("Thiếu hoặc sai mã hội thoại (conversationId).");
        if (body.AnswerId is not { } answerId || !Ids.IsValid(answerId))
            return Problems.BadRequest("Thiếu hoặc sai mã câu trả lời (answerId).");
        if (body.Helpful is not { } helpful)
            return Problems.BadRequest("Thiếu đánh giá (helpful): true nếu câu trả lời hữu ích, false nếu không.");
        var comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim();
        var max = options.Value.MaxCommentLength;
        if (comment?.Length > max)
            return Problems.BadRequest($"Góp ý quá dài ({comment.Length} ký tự), tối đa {max} ký tự.");

        var known = await FindAnswerAsync(recent, conversations, conversationId, answerId, cancellationToken);
        var id = await store.AddAsync(new FeedbackEntry(0, clock.GetUtcNow(), conversationId, answerId, helpful, comment,
            known?.Question, known?.Answer, known?.Scope), cancellationToken);
        metrics.Feedback(helpful);
        return TypedResults.Ok(new FeedbackReceipt(id, "Cảm ơn bạn đã góp ý!"));
    }

    private static async Task<Results<Ok<IReadOnlyList<FeedbackEntry>>, FileContentHttpResult, ProblemHttpResult>> ExportAsync(HttpContext http, string? format, FeedbackStore store,
        IOptions<AdminOptions> admin, CancellationToken cancellationToken)
    {
        if (AdminKey.Check(http, admin.Value, "Chức năng xuất góp ý") is { } denied) return denied;

        var entries = await store.ListAsync(cancellationToken);
        switch ((format ?? "json").ToLowerInvariant())
        {
            case "json":
                return TypedResults.Ok(entries);
            case "csv":
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FeedbackCsv.Write(entries))).ToArray(),
                    "text/csv; charset=utf-8", "gop-y.csv");
            default:
                return Problems.BadRequest("Định dạng xuất không hợp lệ: dùng format=json hoặc format=csv.");
        }
    }

    /// <summary>
    /// The answer being rated, to store with the rating: this process's recent answers, else the conversation's
    /// last answer in the shared store (another replica gave it). A mismatched conversation is not trusted with it.
    /// </summary>
    private static async Task<RecentAnswers.Entry?> FindAnswerAsync(RecentAnswers recent, ConversationService conversations,
        string conversationId, string answerId, CancellationToken cancellationToken)
    {
        if (recent.Find(answerId) is { } entry) return entry.ConversationId == conversationId ? entry : null;
        var state = await conversations.GetAsync(AskService.ConversationKey(conversationId), cancellationToken);
        // The stored turn keeps the question as understood (a follow-up resolved against the one before it).
        return state.LastAnswerId == answerId && state.LastAnswer is { } answer && state.Last is { } turn
            ? new RecentAnswers.Entry(conversationId, turn.Question, answer.Line, answer.Answered, answer.PlanId ?? state.Scope)
            : null;
    }
}
