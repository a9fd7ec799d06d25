using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>How the assistant fared on one generated stem.</summary>
/// <param name="SourceFound">The first source (of an answer or a refusal) is the cited plan, or for a section item the cited passage.</param>
public sealed record SelfCheckResult(QuizItem Item, bool Right, bool SourceFound, AnswerRecord Answer)
{
    /// <summary>How a wrong answer went wrong: refused, answered from another passage, or another value of the cited passage.</summary>
    public SelfCheckMiss? Miss => Right ? null
        : !Answer.Answered ? SelfCheckMiss.Refused
        : Answer.Citations.FirstOrDefault()?.ChunkId == Item.Citation.ChunkId ? SelfCheckMiss.OtherValue
        : SelfCheckMiss.OtherPassage;
}

public enum SelfCheckMiss { Refused, OtherPassage, OtherValue }

/// <summary>
/// Self-consistency: the assistant answers the generated stems as a trainee would type them. A value item is right
/// when the answer line holds one of the accepted spellings; a "which plan" item when the first source is that plan;
/// a "which section" item when the first source is the cited passage.
/// </summary>
public sealed class QuizSelfCheck(Answering.Assistant assistant)
{
    public async Task<IReadOnlyList<SelfCheckResult>> RunAsync(IEnumerable<QuizItem> items, CancellationToken cancellationToken)
    {
        var results = new List<SelfCheckResult>();
        foreach (var item in items)
        {
            var answer = await assistant.AskAsync(new AskRequest(item.Stem), cancellationToken);
            var first = answer.Citations.FirstOrDefault();
            var found = item.Level == QuizLevel.Section ? first?.ChunkId == item.Citation.ChunkId : first?.Doc == item.PlanId;
            results.Add(new SelfCheckResult(item, IsRight(item, answer), found, answer));
        }
        return results;
    }

    public static bool IsRight(QuizItem item, AnswerRecord answer)
    {
        if (!answer.Answered || answer.Citations.Count == 0) return false;
        if (item.Kind == QuizKind.Plan) return answer.Citations[0].Doc == item.PlanId;
        if (item.Level == QuizLevel.Section) return answer.Citations[0].ChunkId == item.Citation.ChunkId;
        var line = Squash(answer.Value + " " + answer.Line);
        return item.Accept.Any(a => line.Contains(Squash(a)));
    }

    /// <summary>Folded, without spaces, numbers without leading zeros ("05/6" is "5/6").</summary>
    private static string Squash(string s) => System.Text.RegularExpressions.Regex.Replace(VietnameseText.Fold(s).Replace(" ", ""), @"(?<!\d)0+(?=\d)", "");
}
