using KeHoach57.Conversations.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace KeHoach57.Channels.Zalo;

public static class ZaloChannelExtensions
{
    /// <summary>Registers the Zalo OA channel: options from "Zalo" (secrets from the environment), the OA API
    /// client with retries, the token rotation, the inbox and its worker.</summary>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZaloOptions>().Bind(configuration.GetSection(ZaloOptions.Section));
        services.AddChannelCore();
        services.TryAddSingleton<ZaloTokenProvider>();
        services.TryAddSingleton<ZaloClient>();
        services.TryAddSingleton<ZaloMessageHandler>();
        services.TryAddSingleton<ZaloInbox>();
        services.AddHostedService<ZaloWorker>();
        services.AddHttpClient(ZaloClient.ApiClientName)
            .AddResilienceHandler("zalo", (pipeline, context) => ConfigureRetry(pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ZaloClient).FullName!)));
        // No retries for OAuth: a refresh retried after Zalo already took the single-use token would fail anyway,
        // and the next message simply tries again.
        services.AddHttpClient(ZaloTokenProvider.OAuthClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>Maps POST /zalo/webhook (401 unless X-ZEvent-Signature is right).</summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ZaloWebhookEndpoint.Path, ZaloWebhookEndpoint.HandleAsync);
        return endpoints;
    }

    // 429, 5xx, network failures and timeouts, with exponential backoff; Retry-After honoured when Zalo sends it.
    private static void ConfigureRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ZaloOptions o, ILogger logger)
    {
        if (o.RetryCount > 0)
        {
            var max = TimeSpan.FromSeconds(o.MaxRetryAfterSeconds);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = o.RetryCount,
                Delay = TimeSpan.FromMilliseconds(Math.Max(1, o.RetryBaseDelayMilliseconds)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.FromHeaders(args.Outcome.Result, max)),
                OnRetry = args =>
                {
                    logger.LogWarning(args.Outcome.Exception, "Zalo API call failed ({Status}); retry {Attempt} in {Delay}",
                        args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }
        pipeline.AddTimeout(TimeSpan.FromSeconds(30));
    }
}
