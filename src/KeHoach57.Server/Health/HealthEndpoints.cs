using KeHoach57.Server.Infrastructure;

namespace KeHoach57.Server.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// /health is readiness: 503 until the index is loaded (or when loading failed), 200 after.
    /// /health/live only says the process answers.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (AssistantReadiness readiness) =>
        {
            var now = readiness.Current;
            return now.State switch
            {
                AssistantReadiness.State.Ready => Results.Ok(new { status = "ready", documents = now.Documents, chunks = now.Chunks }),
                AssistantReadiness.State.Failed => Results.Json(new { status = "failed", message = "Không nạp được dữ liệu kế hoạch. Xem nhật ký máy chủ để biết nguyên nhân." },
                    statusCode: StatusCodes.Status503ServiceUnavailable),
                _ => Results.Json(new { status = "starting", message = Problems.DefaultDetail(503) }, statusCode: StatusCodes.Status503ServiceUnavailable),
            };
        }).ExcludeFromDescription();
        endpoints.MapGet("/health/live", () => Results.Ok(new { status = "alive" })).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Endpoints that need the index answer 503 with Retry-After until it is loaded.</summary>
    public static TBuilder RequireReadiness<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.RequestServices.GetRequiredService<AssistantReadiness>().IsReady)
                return await next(context);
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.Status(StatusCodes.Status503ServiceUnavailable);
        });
}
