using System.Text.RegularExpressions;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Understanding;

/// <summary>
/// Resolves an elliptical follow-up against the previous question: "Còn báo cáo năm thì sao?" after
/// "Báo cáo 6 tháng gửi trước ngày nào?" becomes "Báo cáo năm gửi trước ngày nào?". The new words
/// replace the matching slot of the previous question (a year, a report period, a locality) or, when
/// none matches, are added to it.
/// </summary>
public static partial class FollowUpResolver
{
    [GeneratedRegex(@"^(con|the con|vay con|thi|va|con ve)\b|\b(thi sao|the nao|ra sao|nua|thi)\s*$")]
    private static partial Regex EllipsisMarkers();

    [GeneratedRegex(@"(?i)^\s*(còn|con|thế còn|the con|vậy còn|vay con|và|va)\s+|\s*(thì sao|thi sao|thế nào|the nao|ra sao|nữa|nua)\s*[?.!]*\s*$")]
    private static partial Regex Fillers();

    [GeneratedRegex(@"(?i)\b(năm|nam|đến|den|hết năm|het nam)\s+20\d\d\b|\b20\d\d\b")]
    private static partial Regex YearSlot();

    [GeneratedRegex(@"(?i)\b(\d+\s+(tháng|thang)|(hằng|hàng|hang)\s+(tháng|thang|năm|nam|quý|quy)|(quý|quy)|(năm|nam)(?!\s+\d))\b")]
    private static partial Regex PeriodSlot();

    /// <summary>True when the question leans on the previous one: a filler opening/ending, or too few words to stand alone.</summary>
    public static bool IsFollowUp(string question)
    {
        var folded = VietnameseText.CollapseSpaces(VietnameseText.Fold(question).Replace('?', ' ')).Trim();
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return EllipsisMarkers().IsMatch(folded) || words.Length <= 3;
    }

    public static string Resolve(string question, string previous)
    {
        var focus = Fillers().Replace(question, " ").Trim().TrimEnd('?', '.', '!').Trim();
        if (focus.Length == 0) return previous;

        if (YearSlot().Match(focus) is { Success: true } year && YearSlot().IsMatch(previous))
            return YearSlot().Replace(previous, year.Value, 1);

        // "báo cáo năm" for "báo cáo 6 tháng": swap the period, keep the rest of the question.
        var newPeriod = PeriodSlot().Match(focus);
        var oldPeriod = PeriodSlot().Match(previous);
        if (newPeriod.Success && oldPeriod.Success)
        {
            var head = focus[..newPeriod.Index].Trim();
            var at = head.Length > 0 ? previous.IndexOf(head, StringComparison.OrdinalIgnoreCase) : -1;
            return previous[..oldPeriod.Index] + newPeriod.Value + previous[(oldPeriod.Index + oldPeriod.Length)..] is var swapped && at < 0 && head.Length > 0
                ? swapped + " " + head
                : swapped;
        }
        return previous.TrimEnd('?', ' ') + " " + focus + "?";
    }
}
