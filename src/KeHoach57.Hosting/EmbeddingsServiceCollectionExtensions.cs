using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OllamaSharp;
using OpenAI;
using OpenAI.Embeddings;

namespace KeHoach57.Hosting;

/// <summary>Config section "Embeddings". The API key comes from Embeddings__ApiKey or user secrets, never from a repository file.</summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    /// <summary>"none" (default: lexical retrieval only), "openai" (or any OpenAI-compatible endpoint) or "ollama".</summary>
    public string Provider { get; set; } = "none";

    public string? Model { get; set; }

    /// <summary>Null means the provider's default (api.openai.com, or http://localhost:11434 for Ollama).</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }
}

public static class EmbeddingsServiceCollectionExtensions
{
    public const string DefaultOllamaEndpoint = "http://localhost:11434";

    /// <summary>
    /// Registers an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> when "Embeddings:Provider" names one;
    /// with "none" nothing is registered and indexing and search stay lexical. A configuration that cannot work
    /// (no model, no key for OpenAI, a malformed endpoint) fails here, with what to set, rather than at the first question.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(EmbeddingsOptions.Section).Get<EmbeddingsOptions>() ?? new EmbeddingsOptions();
        var provider = (options.Provider ?? "none").Trim().ToLowerInvariant();
        if (provider is "" or "none") return services;
        if (provider is not ("openai" or "ollama"))
            throw new InvalidOperationException($"Embeddings:Provider \"{options.Provider}\" is not known; use none, openai or ollama.");
        if (string.IsNullOrWhiteSpace(options.Model))
            throw new InvalidOperationException($"Embeddings:Provider is {provider} but Embeddings:Model is not set (e.g. text-embedding-3-small, nomic-embed-text).");
        var endpoint = ParseEndpoint(options.Endpoint);

        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(provider == "openai"
            ? OpenAi(options.Model, endpoint, options.ApiKey)
            : new OllamaApiClient(endpoint ?? new Uri(DefaultOllamaEndpoint), options.Model));
        return services;
    }

    private static IEmbeddingGenerator<string, Embedding<float>> OpenAi(string model, Uri? endpoint, string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
            throw new InvalidOperationException(
                "Embeddings:Provider is openai but no API key is configured: set the Embeddings__ApiKey environment variable " +
                "or `dotnet user-secrets set Embeddings:ApiKey ...`.");
        var clientOptions = new OpenAIClientOptions();
        if (endpoint is not null) clientOptions.Endpoint = endpoint;
        return new EmbeddingClient(model, new ApiKeyCredential(apiKey), clientOptions).AsIEmbeddingGenerator();
    }

    private static Uri? ParseEndpoint(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        throw new InvalidOperationException($"Embeddings:Endpoint \"{endpoint}\" is not an absolute http(s) URL.");
    }
}
