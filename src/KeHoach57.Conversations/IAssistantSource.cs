using KeHoach57.Answering;

namespace KeHoach57.Conversations;

/// <summary>
/// Which <see cref="Assistant"/> answers now. An assistant is an immutable function of one corpus; the server's
/// source (KeHoach57.Hosting's AssistantHolder) swaps in a new one when the corpus is reloaded, so whoever keeps
/// a conversation asks the source at each turn instead of holding an assistant.
/// </summary>
public interface IAssistantSource
{
    /// <summary>The assistant answering now, or null before the first corpus has loaded.</summary>
    Assistant? Current { get; }

    /// <summary>The current assistant, loading the first corpus if nothing has started that yet.</summary>
    Task<Assistant> ReadyAsync(CancellationToken cancellationToken = default);
}

/// <summary>One assistant for the life of the process (tests, tools that build their own).</summary>
public sealed class FixedAssistantSource(Assistant assistant) : IAssistantSource
{
    public Assistant? Current => assistant;

    public Task<Assistant> ReadyAsync(CancellationToken cancellationToken = default) => Task.FromResult(assistant);
}
