using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>What every practice surface says after an answer: right or not, the right option, and the cited passage.</summary>
public sealed record QuizFeedback(bool Correct, string Verdict, string Source, string Quote)
{
    public static QuizFeedback For(QuizItem item, int chosen)
    {
        var right = chosen == item.CorrectIndex;
        var verdict = right ? $"Đúng: {item.Answer}." : $"Chưa đúng. Đáp án: {QuizItem.Letter(item.CorrectIndex)}. {item.Answer}.";
        return new QuizFeedback(right, verdict, item.Citation.Label, Excerpts.OneLine(item.Citation.Quote, 400));
    }

    /// <summary>"Bạn trả lời đúng 7/10 câu."</summary>
    public static string Score(int right, int asked) => $"Kết quả: đúng {right}/{asked} câu.";
}
