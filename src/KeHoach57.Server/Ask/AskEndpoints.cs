using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using KeHoach57.Server.Documents;
using KeHoach57.Server.Health;
using KeHoach57.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Ask;

public static class AskEndpoints
{
    public static IEndpointRouteBuilder MapAskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireReadiness().RequireCors(ServerSetup.CorsPolicy).WithTags("ask");
        api.MapPost("/ask", async Task<Results<WholeJson<AskResponse>, ProblemHttpResult>> (HttpContext http, AskService asks, CancellationToken cancellationToken) =>
            {
                var (response, problem) = await ReadAndAskAsync(http, asks, cancellationToken);
                return problem is not null ? problem : new WholeJson<AskResponse>(response!);
            })
            .RequireRateLimiting(RateLimiting.Asking)
            .AcceptsJson<AskBody>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);

        // Errors are found before the stream starts, so they are still plain 4xx JSON the widget can read.
        api.MapPost("/ask/stream", async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> (HttpContext http, AskService asks,
                IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
            {
                var (response, problem) = await ReadAndAskAsync(http, asks, cancellationToken);
                return problem is not null ? problem : TypedResults.ServerSentEvents(Events(response!, json.Value.SerializerOptions));
            })
            .RequireRateLimiting(RateLimiting.Asking)
            .AcceptsJson<AskBody>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/suggestions", Results<Ok<SuggestionList>, ProblemHttpResult> (string? scope, SuggestionService suggestions) =>
                suggestions.For(scope) is { } list
                    ? TypedResults.Ok(new SuggestionList(string.IsNullOrWhiteSpace(scope) ? null : scope.Trim(), list))
                    : Problems.BadRequest(suggestions.UnknownScopeMessage(scope!)))
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<AskService.Outcome> ReadAndAskAsync(HttpContext http, AskService asks, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<AskBody>(http, cancellationToken);
        return problem is not null ? new(null, problem) : await asks.AskAsync(body!, ConversationIds.Client(http), cancellationToken);
    }

    /// <summary>
    /// "answer" (text and ids) first so the widget can show it at once, then one "citation" per source
    /// (with the link to the highlighted passage), then "done".
    /// </summary>
    public static async IAsyncEnumerable<SseItem<string>> Events(AskResponse response, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var head = JsonSerializer.SerializeToNode(response with { Citations = [] }, json)!.AsObject();
        head.Remove("citations");
        head["citationCount"] = response.Citations.Count;
        yield return new SseItem<string>(head.ToJsonString(json), "answer");
        for (var i = 0; i < response.Citations.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            var citation = JsonSerializer.SerializeToNode(response.Citations[i], json)!.AsObject();
            citation["index"] = i + 1;
            citation["url"] = DocumentLinks.Passage(response.Citations[i].ChunkId);
            yield return new SseItem<string>(citation.ToJsonString(json), "citation");
        }
        yield return new SseItem<string>(new JsonObject { ["answerId"] = response.AnswerId }.ToJsonString(json), "done");
        await Task.CompletedTask;
    }
}
