using KeHoach57.Conversations.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
            // Zalo asks for a wait only in the standard Retry-After header.
            .AddResilienceHandler("zalo", (pipeline, context) => ChannelRetry.Configure(pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value, "Zalo",
                (response, max) => ValueTask.FromResult(RetryAfter.FromHeaders(response, max)), TimeSpan.FromSeconds(30),
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
}
