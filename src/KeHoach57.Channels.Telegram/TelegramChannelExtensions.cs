using KeHoach57.Conversations.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Telegram;

public static class TelegramChannelExtensions
{
    /// <summary>
    /// Registers the Telegram channel: options from "Telegram" (token and secret from the environment), the
    /// resilient Bot API client, the inbox and its worker, and the poller (active only when Mode is "polling").
    /// Modes are read when the host runs, not here, so configuration added later still counts.
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section));
        services.AddChannelCore();
        services.TryAddSingleton<TelegramApi>();
        services.TryAddSingleton<TelegramSender>();
        services.TryAddSingleton<TelegramQuiz>();
        services.TryAddSingleton<TelegramUpdateHandler>();
        services.TryAddSingleton<TelegramInbox>();
        services.AddHostedService<TelegramWorker>();
        services.AddHostedService<TelegramPolling>();
        services.AddHttpClient(TelegramApi.HttpClientName)
            // The token is part of every Bot API URL: request logging would write it into the logs.
            .RemoveAllLoggers()
            .AddResilienceHandler("telegram", (pipeline, context) => TelegramRetry.Configure(pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramRetry).FullName!)));
        return services;
    }

    /// <summary>Maps POST /telegram/webhook (401 without the configured secret token).</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TelegramWebhookEndpoint.Path, TelegramWebhookEndpoint.HandleAsync);
        return endpoints;
    }
}
