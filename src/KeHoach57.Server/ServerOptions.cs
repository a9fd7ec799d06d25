using KeHoach57.Conversations.Storage;
using KeHoach57.Core;
using KeHoach57.Retrieval;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server;

/// <summary>Limits of the web API (config section "Server").</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Largest JSON body accepted by the API; a question plus ids fits in a fraction of it.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For is believed, so the rate limit sees real clients.
    /// Empty: the header is ignored (believing it from anyone would let a client pick its own limit bucket).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Key that signs web conversation ids (from the environment, Server__ConversationKey, or user secrets;
    /// at least 16 characters). Unset: a random key kept in the data folder. Required, and the same on every
    /// replica, when replicas share PostgreSQL: otherwise each would refuse the ids the others issued.</summary>
    public string? ConversationKey { get; set; }

    public const int MinConversationKeyLength = 16;
}

/// <summary>
/// Replicas (Storage:Provider = postgres) must sign conversation ids with one key, or a follow-up that reaches
/// another replica would silently start a new conversation: the server refuses to start without it. A key that
/// is set but too short is refused always, rather than quietly replaced by the data folder's key.
/// </summary>
public sealed class ConversationKeyValidator(IOptions<StorageOptions> storage) : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var key = options.ConversationKey;
        if (!string.IsNullOrEmpty(key) && key.Length < ServerOptions.MinConversationKeyLength)
            return ValidateOptionsResult.Fail(
                $"Server:ConversationKey is {key.Length} characters; use at least {ServerOptions.MinConversationKeyLength} (e.g. openssl rand -hex 32), or leave it unset on a single server.");
        if (string.IsNullOrEmpty(key) && storage.Value.IsPostgres)
            return ValidateOptionsResult.Fail(
                "Storage:Provider is \"postgres\" (replicas sharing one database) but Server:ConversationKey is not set: set the environment variable "
                + "Server__ConversationKey to the same secret on every replica (e.g. openssl rand -hex 32), or a follow-up reaching another replica would start a new conversation.");
        return ValidateOptionsResult.Success;
    }
}

/// <summary>Per-client limits (config section "RateLimit"): questions and feedback have separate buckets, so
/// rating answers never uses up a client's questions.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Off only where something in front (a proxy, the load tool) already limits clients.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Questions one client (by remote IP) may ask per window.</summary>
    public int PermitLimit { get; set; } = 30;

    /// <summary>Feedback posts (and exports) one client may make per window, counted apart from questions.</summary>
    public int FeedbackPermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Who may embed the widget and what it suggests (config section "Widget").</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>Origins (scheme://host[:port]) whose pages may call the API and frame our pages. "*" allows any.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Curated starter questions per scope id; "default" is used when no scope is given.</summary>
    public Dictionary<string, string[]> Suggestions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many starter questions the widget shows.</summary>
    public int MaxSuggestions { get; set; } = 4;
}

/// <summary>Where feedback is kept (config section "Feedback").</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>SQLite file; empty means feedback.db in the data folder ("Index:DataPath"). Not used with Storage:Provider = postgres.</summary>
    public string? Path { get; set; }

    public static string SqlitePath(FeedbackOptions feedback, IndexOptions index) => RepositoryPaths.Resolve(string.IsNullOrWhiteSpace(feedback.Path)
        ? System.IO.Path.Combine(index.DataPath, "feedback.db")
        : feedback.Path);

    public int MaxCommentLength { get; set; } = 2000;
}

/// <summary>Administration (config section "Admin"). The key comes from the environment (Admin__ApiKey) or user secrets, never from a file in the repository.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Shared key of the administrators' endpoints (feedback export, plan upload), sent as the X-Admin-Key header.
    /// Empty turns those endpoints off.</summary>
    public string? ApiKey { get; set; }
}
