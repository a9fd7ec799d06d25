using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Makes sure the index matches corpus/ before a bot answers its first message, once per process however
/// many channels ask. A no-op when the host already prepared the assistant.
/// </summary>
public sealed class IndexWarmup(IServiceProvider services, ILogger<IndexWarmup> logger)
{
    private readonly Lazy<Task> _once = new(() => RunAsync(services, logger));

    public Task EnsureAsync() => _once.Value;

    private static async Task RunAsync(IServiceProvider services, ILogger logger)
    {
        try
        {
            await services.GetRequiredService<CorpusIndexer>().EnsureFreshAsync(services.GetRequiredService<Corpus>());
        }
        catch (Exception ex)
        {
            // Answers will say the plans do not cover the question; the log says why.
            logger.LogError(ex, "Could not prepare the index for the chat channels");
        }
    }
}
