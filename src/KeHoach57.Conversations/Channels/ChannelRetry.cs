using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Retries of a chat platform's API calls, alike for every channel: 429, 5xx, network failures and
/// timeouts, with exponential backoff and jitter, waiting as long as the platform asks (capped by
/// <see cref="ChannelOptions.MaxRetryAfterSeconds"/>). Each platform says how it asks, and how long one attempt may take.
/// </summary>
public static class ChannelRetry
{
    /// <param name="wait">How long the platform asked to wait before the next try, given the response and the cap; null for the backoff.</param>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ChannelOptions options, string platform,
        Func<HttpResponseMessage?, TimeSpan, ValueTask<TimeSpan?>> wait, TimeSpan attemptTimeout, ILogger logger)
    {
        if (options.RetryCount > 0)
        {
            var max = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryCount,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, options.RetryBaseDelayMilliseconds)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => wait(args.Outcome.Result, max),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "{Platform} API call failed ({Status}); retry {Attempt} in {Delay}",
                        platform, args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }
        pipeline.AddTimeout(attemptTimeout);
    }
}
