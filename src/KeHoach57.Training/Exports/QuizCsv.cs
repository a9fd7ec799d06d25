using System.Text;
using KeHoach57.Training.Quizzes;

namespace KeHoach57.Training.Exports;

/// <summary>One row per item (RFC 4180: fields quoted, quotes doubled), UTF-8 with a BOM so spreadsheet programs read Vietnamese right.</summary>
public static class QuizCsv
{
    public static readonly string[] Header =
        ["id", "ke_hoach", "loai", "muc", "cau_hoi", "A", "B", "C", "D", "dap_an", "nguon", "trich_dan"];

    public static string Write(IEnumerable<QuizItem> items)
    {
        var sb = new StringBuilder("\uFEFF");
        sb.AppendJoin(',', Header).Append("\r\n");
        foreach (var i in items)
        {
            string[] fields =
            [
                i.Id, i.PlanId, QuizBank.Name(i.Kind), QuizBank.Name(i.Level), i.Stem,
                .. Enumerable.Range(0, 4).Select(n => n < i.Options.Count ? i.Options[n] : ""),
                QuizItem.Letter(i.CorrectIndex), i.Citation.Label, Core.Text.VietnameseText.CollapseSpaces(i.Citation.Quote),
            ];
            sb.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }
        return sb.ToString();
    }

    private static string Field(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
