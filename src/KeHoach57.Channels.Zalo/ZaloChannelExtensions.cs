using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Channels.Zalo;

public static class ZaloChannelExtensions
{
    /// <summary>Registers the Zalo OA channel (options from "Zalo"; secrets from the environment). Filled in by the channels work.</summary>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration) => services;

    /// <summary>Maps POST /zalo/webhook. Filled in by the channels work.</summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder endpoints) => endpoints;
}
