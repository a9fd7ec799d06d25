using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Infrastructure;

/// <summary>Per-client fixed-window limit on the endpoints that cost something (questions, feedback, export).</summary>
public static class RateLimiting
{
    public const string Policy = "per-client";

    public static IServiceCollection AddPerClientRateLimit(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(Policy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            if (!options.Enabled) return RateLimitPartition.GetNoLimiter("off");
            // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured (docs/server.md).
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, options.WindowSeconds)),
                QueueLimit = 0,
            });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : (int?)null;
            if (wait is not null) context.Response.Headers.RetryAfter = wait.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var detail = wait is null
                ? Problems.DefaultDetail(StatusCodes.Status429TooManyRequests)
                : $"Bạn đã gửi quá nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau {wait} giây.";
            await Problems.Status(StatusCodes.Status429TooManyRequests, detail).ExecuteAsync(context);
        };
    });
}
