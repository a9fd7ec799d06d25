using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// A value the question itself states is what it asks about, not its answer: "thực hiện NQ 57-NQ/TW là số
/// mấy?" is not answered by 57-NQ/TW, nor "dân từ 15 tuổi … bao nhiêu %" by 15. Years only place a question
/// in time ("năm 2025 … quý nào?") and never rule a value out.
/// </summary>
public static class Echo
{
    public static bool Of(QuestionFacts question, string display)
    {
        if (question.StatedNumbers.Count == 0) return false;
        var m = StatedNumber.Pattern().Match(VietnameseText.Fold(display));
        return m.Success && question.StatedNumbers.Contains(m.Value);
    }
}
