using System.Net;
using System.Text.Json;
using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Logging;
using Polly;

namespace KeHoach57.Channels.Telegram;

/// <summary>
/// Retries of Bot API calls: 429, 5xx, network failures and timeouts, with exponential backoff and jitter.
/// A 429 waits as long as Telegram asks: the Retry-After header, else the body's parameters.retry_after.
/// </summary>
internal static class TelegramRetry
{
    // Per attempt, longer than a long poll, so getUpdates is never cut short.
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TelegramOptions o, ILogger logger) =>
        ChannelRetry.Configure(pipeline, o, "Telegram", WaitAsync, TimeSpan.FromSeconds(o.PollingTimeoutSeconds + 30), logger);

    private static async ValueTask<TimeSpan?> WaitAsync(HttpResponseMessage? response, TimeSpan max)
    {
        if (RetryAfter.FromHeaders(response, max) is { } fromHeader) return fromHeader;
        if (response?.StatusCode != HttpStatusCode.TooManyRequests) return null;
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (body.RootElement.TryGetProperty("parameters", out var p) && p.TryGetProperty("retry_after", out var seconds) && seconds.TryGetInt32(out var s))
                return RetryAfter.Clamp(TimeSpan.FromSeconds(s), max);
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
