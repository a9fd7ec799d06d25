using System.ClientModel;
using KeHoach57.Answering.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OllamaSharp;
using OpenAI;

namespace KeHoach57.Hosting;

public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Registers the optional language model (section "Llm") as an <see cref="IChatClient"/> and the
    /// answer rephrasing that uses it. With Provider "none" (the default) nothing is registered and
    /// answers stay purely extractive.
    /// </summary>
    public static IServiceCollection AddOptionalLlm(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LlmOptions.Section);
        services.AddOptions<LlmOptions>().Bind(section);
        var options = section.Get<LlmOptions>() ?? new LlmOptions();
        if (!options.Enabled) return services;
        if (string.IsNullOrWhiteSpace(options.Model))
            throw new InvalidOperationException("Llm:Model must be set when Llm:Provider is not \"none\".");

        services.TryAddSingleton<IChatClient>(_ => options.Provider.ToLowerInvariant() switch
        {
            "openai" => new OpenAIClient(
                    new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? throw new InvalidOperationException("Llm:ApiKey must come from the environment (Llm__ApiKey) or user secrets.") : options.ApiKey),
                    string.IsNullOrEmpty(options.Endpoint) ? new OpenAIClientOptions() : new OpenAIClientOptions { Endpoint = new Uri(options.Endpoint) })
                .GetChatClient(options.Model).AsIChatClient(),
            "ollama" => new OllamaApiClient(new Uri(string.IsNullOrEmpty(options.Endpoint) ? "http://localhost:11434" : options.Endpoint), options.Model),
            _ => throw new InvalidOperationException($"Llm:Provider \"{options.Provider}\" is not one of none, openai, ollama."),
        });
        services.TryAddSingleton<LlmPhrasing>();
        return services;
    }
}
