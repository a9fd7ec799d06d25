using KeHoach57.Training.Quizzes;

namespace KeHoach57.Server.Training;

/// <summary>
/// Builds the quiz bank once in the background after start, so the first trainee who opens "Luyện tập" does not wait
/// for every plan's facts to be read and every distractor checked.
/// </summary>
public sealed class QuizWarmup(QuizBank bank, ILogger<QuizWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var items = bank.All;
            logger.LogInformation("Quiz bank ready: {Items} items", items.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The bank is built again on first use; practice mode then reports its own error.
            logger.LogWarning(ex, "Quiz bank could not be built in the background");
        }
    }
}
