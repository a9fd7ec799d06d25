namespace KeHoach57.Hosting.Lifecycle;

public enum AssistantState
{
    /// <summary>The first corpus is being read and indexed.</summary>
    Loading,

    /// <summary>Answering from the corpus as it is on disk.</summary>
    Ready,

    /// <summary>Answering from an earlier corpus, because the current one could not be used (see the reason).</summary>
    Degraded,

    /// <summary>Nothing to answer from (see the reason).</summary>
    Failed,
}

/// <param name="Reason">Why the state is not Ready, in Vietnamese, safe to show on the public /health (no paths, no exception text).</param>
public sealed record AssistantStatus(AssistantState State, int Documents = 0, int Chunks = 0, string? Reason = null, DateTimeOffset? LoadedAt = null)
{
    /// <summary>Whether questions can be answered: the corpus on disk, or the previous one kept.</summary>
    public bool Serving => State is AssistantState.Ready or AssistantState.Degraded;
}

/// <summary>What one <see cref="AssistantHolder.ReloadAsync"/> did.</summary>
public enum ReloadOutcome
{
    /// <summary>A new stack on the new corpus now answers.</summary>
    Swapped,

    /// <summary>The corpus had not changed; the stack answering stays.</summary>
    Unchanged,

    /// <summary>The new corpus could not be used; the previous one still answers (or nothing does, if there was none).</summary>
    KeptPrevious,
}
