using System.Text;
using KeHoach57.Training.Quizzes;

namespace KeHoach57.Training.Exports;

/// <summary>
/// Moodle GIFT: one multiple-choice question per item, under a category per plan, the citation as general feedback
/// ("####"), so a Moodle quiz shows trainees where the answer stands. Special characters (~ = # { } :) and the
/// backslash are escaped as the format says; line breaks inside text become "\n".
/// </summary>
public static class GiftWriter
{
    public static string Write(IEnumerable<QuizItem> items, Func<string, string> planName)
    {
        var sb = new StringBuilder();
        sb.Append("// Câu hỏi luyện tập từ các kế hoạch thực hiện Nghị quyết 57-NQ/TW (KeHoach57.Assistant)\n\n");
        foreach (var group in items.GroupBy(i => i.PlanId))
        {
            sb.Append("$CATEGORY: $course$/Kế hoạch 57/").Append(Escape(planName(group.Key)).Replace("/", "-")).Append("\n\n");
            foreach (var item in group)
            {
                sb.Append("::").Append(Escape(item.Id)).Append("::").Append(Escape(item.Stem)).Append(" {\n");
                for (var i = 0; i < item.Options.Count; i++)
                    sb.Append(i == item.CorrectIndex ? "\t=" : "\t~").Append(Escape(item.Options[i])).Append('\n');
                sb.Append("\t####").Append(Escape(Feedback(item))).Append("\n}\n\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>What a trainee reads after answering: the source label and the clause as the plan has it.</summary>
    public static string Feedback(QuizItem item) => $"Nguồn: {item.Citation.Label} — “{Core.Text.Excerpts.OneLine(item.Citation.Quote, 400)}”";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace("\r\n", "\n"))
        {
            if (c is '~' or '=' or '#' or '{' or '}' or ':' or '\\') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
