using System.Text.RegularExpressions;

namespace KeHoach57.Answering.Understanding;

/// <summary>
/// How a number is read where it is compared with the numbers a question states (<see cref="QuestionFacts.StatedNumbers"/>):
/// digits with ".", "," or "/" inside ("1,5", "10/6", "57"). The question and the text it is compared with are read alike.
/// </summary>
public static partial class StatedNumber
{
    [GeneratedRegex(@"\d+(?:[.,/]\d+)*")]
    public static partial Regex Pattern();
}
