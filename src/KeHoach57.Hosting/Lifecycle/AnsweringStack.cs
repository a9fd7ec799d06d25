using KeHoach57.Answering;
using KeHoach57.Core.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Hosting.Lifecycle;

/// <summary>
/// One answering stack: the assistant and every component built from one corpus, in their own child service
/// provider. Immutable once built; <see cref="AssistantHolder"/> swaps whole stacks, so a request that started
/// on one finishes on it.
/// </summary>
public sealed class AnsweringStack(Corpus corpus, IServiceProvider services, DateTimeOffset loadedAt)
{
    public Corpus Corpus { get; } = corpus;

    /// <summary>The stack's provider: corpus-bound components are its own, everything else is the host's.</summary>
    public IServiceProvider Services { get; } = services;

    public Assistant Assistant { get; } = services.GetRequiredService<Assistant>();

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    public int Chunks { get; } = corpus.Documents.Sum(d => d.Chunks.Count);
}
