using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Channels.Telegram;

public static class TelegramChannelExtensions
{
    /// <summary>Registers the Telegram channel (options from "Telegram"; token from the environment). Filled in by the channels work.</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>Maps POST /telegram/webhook. Filled in by the channels work.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints) => endpoints;
}
