using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeHoach57.Server.Health;

/// <param name="Status">"loading", "ready", "degraded" (answering from the plans loaded before; see message) or "failed".</param>
/// <param name="Message">Why the status is not "ready", in Vietnamese; never a path or exception text.</param>
public sealed record HealthReport(string Status, int Documents, int Chunks, string? Message, DateTimeOffset? LoadedAt);

public sealed record Liveness(string Status);

public static class HealthEndpoints
{
    /// <summary>
    /// /health is readiness: 200 while questions can be answered ("ready", or "degraded" when the corpus on disk
    /// could not be used and the previous one answers), 503 while loading or when there is nothing to answer from.
    /// /health/live only says the process answers.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", Results<Ok<HealthReport>, JsonHttpResult<HealthReport>> (AssistantHolder holder) =>
            {
                var now = holder.Status;
                var report = new HealthReport(Name(now.State), now.Documents, now.Chunks,
                    now.State == AssistantState.Loading ? Problems.DefaultDetail(503) : now.Reason, now.LoadedAt);
                return now.Serving ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithTags("health");
        endpoints.MapGet("/health/live", () => TypedResults.Ok(new Liveness("alive"))).WithTags("health");
        return endpoints;
    }

    private static string Name(AssistantState state) => state switch
    {
        AssistantState.Loading => "loading",
        AssistantState.Ready => "ready",
        AssistantState.Degraded => "degraded",
        _ => "failed",
    };

    /// <summary>Endpoints that need the index answer 503 with Retry-After until it is loaded.</summary>
    public static TBuilder RequireReadiness<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.RequestServices.GetRequiredService<AssistantHolder>().Status.Serving)
                return await next(context);
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.Status(StatusCodes.Status503ServiceUnavailable);
        });
}
