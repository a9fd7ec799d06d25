namespace KeHoach57.Answering.Llm;

/// <summary>The optional language model (config section "Llm"). Off unless a provider is set; the key comes from the environment.</summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>"none" (default), "openai" (any OpenAI-compatible endpoint) or "ollama".</summary>
    public string Provider { get; set; } = "none";

    public string Model { get; set; } = "";

    /// <summary>Base URL; empty means the provider's default (api.openai.com, or http://localhost:11434 for Ollama).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Set through the environment (Llm__ApiKey) or user secrets, never in appsettings.json.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Prompt template with {{question}}, {{draft}} and {{quotes}}, relative to the checkout root.</summary>
    public string PromptPath { get; set; } = "prompts/answer.md";

    public int TimeoutSeconds { get; set; } = 20;

    public bool Enabled => !string.IsNullOrWhiteSpace(Provider) && !Provider.Equals("none", StringComparison.OrdinalIgnoreCase);
}
