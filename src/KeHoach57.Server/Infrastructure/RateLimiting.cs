using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Infrastructure;

/// <summary>Per-client fixed-window limits on the endpoints that cost something, one bucket for questions and one for feedback.</summary>
public static class RateLimiting
{
    /// <summary>Questions (POST /api/ask, /api/ask/stream).</summary>
    public const string Asking = "asking";

    /// <summary>Feedback and its export: a bucket of its own.</summary>
    public const string Feedback = "feedback";

    public static IServiceCollection AddPerClientRateLimit(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(Asking, context => Partition(context, Asking, o => o.PermitLimit));
        limiter.AddPolicy(Feedback, context => Partition(context, Feedback, o => o.FeedbackPermitLimit));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : (int?)null;
            if (wait is not null) context.Response.Headers.RetryAfter = wait.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var detail = wait is null
                ? Problems.DefaultDetail(StatusCodes.Status429TooManyRequests)
                : $"Bạn đã gửi quá nhiều {(context.Request.Path.StartsWithSegments("/api/feedback") ? "góp ý" : "câu hỏi")} trong thời gian ngắn. Vui lòng thử lại sau {wait} giây.";
            await Problems.Status(StatusCodes.Status429TooManyRequests, detail).ExecuteAsync(context);
        };
    });

    private static RateLimitPartition<string> Partition(HttpContext context, string bucket, Func<RateLimitOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        if (!options.Enabled) return RateLimitPartition.GetNoLimiter("off");
        // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured (docs/server.md).
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(bucket + "|" + client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits(options)),
            Window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds)),
            QueueLimit = 0,
        });
    }
}
