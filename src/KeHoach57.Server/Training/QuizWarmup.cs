using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Training.Quizzes;

namespace KeHoach57.Server.Training;

/// <summary>
/// Builds the quiz bank once in the background after the first corpus has loaded, so the first trainee who opens
/// "Luyện tập" does not wait for every plan's facts to be read and every distractor checked. It waits on the holder
/// (as <see cref="Health.AssistantWarmup"/> starts it) rather than asking for the bank in its constructor, which
/// would hold the host's start until the corpus had loaded.
/// </summary>
public sealed class QuizWarmup(AssistantHolder holder, ILogger<QuizWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await holder.EnsureStartedAsync(stoppingToken);
            if (holder.Stack is not { } stack) return;
            var items = stack.Services.GetRequiredService<QuizBank>().All;
            logger.LogInformation("Quiz bank ready: {Items} items", items.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The bank is built again on first use; practice mode then reports its own error.
            logger.LogWarning(ex, "Quiz bank could not be built in the background");
        }
    }
}
