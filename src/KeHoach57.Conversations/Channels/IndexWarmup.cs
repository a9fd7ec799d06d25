using Microsoft.Extensions.Logging;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Waits for the first corpus and index before a bot answers its first message, however many channels ask.
/// A no-op once the host's assistant source is ready.
/// </summary>
public sealed class IndexWarmup(IAssistantSource assistants, ILogger<IndexWarmup> logger)
{
    public async Task EnsureAsync()
    {
        try
        {
            await assistants.ReadyAsync();
        }
        catch (Exception ex)
        {
            // The reply apologises; the log and /health say why.
            logger.LogError(ex, "The assistant is not ready for the chat channels");
        }
    }
}
