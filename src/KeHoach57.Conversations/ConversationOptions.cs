using System.ComponentModel.DataAnnotations;

namespace KeHoach57.Conversations;

/// <summary>How long and how many conversations are kept (config section "Conversations"), validated at start.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>A conversation idle this long is forgotten: a follow-up days later starts afresh anyway.</summary>
    [Range(1, 24 * 365)]
    public int TtlHours { get; set; } = 72;

    /// <summary>At most this many conversations are kept; the least recently used go first.</summary>
    [Range(100, 10_000_000)]
    public int MaxConversations { get; set; } = 20_000;

    [Range(1, 24 * 60)]
    public int PruneIntervalMinutes { get; set; } = 5;

    /// <summary>Writes waiting for the background writer; beyond it a request waits for room (nothing is dropped).</summary>
    [Range(1, 1_000_000)]
    public int WriteQueueCapacity { get; set; } = 10_000;

    [Range(1, 10_000)]
    public int WriteBatchSize { get; set; } = 256;

    public TimeSpan Ttl => TimeSpan.FromHours(TtlHours);
}
