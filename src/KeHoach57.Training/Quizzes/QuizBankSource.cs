using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Training.Quizzes;

/// <summary>
/// The quiz bank of the corpus being served, for services that live longer than one corpus (a bot's update handler):
/// a bank is built from one corpus, and a reload (a plan uploaded to the server) brings a new one, so they ask here
/// at each use instead of holding a bank from their constructor.
/// </summary>
public sealed class QuizBankSource(IServiceProvider services)
{
    public QuizBank Current => services.GetRequiredService<QuizBank>();
}
