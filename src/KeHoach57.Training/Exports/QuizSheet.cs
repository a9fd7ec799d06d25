using System.Net;
using System.Text;
using KeHoach57.Training.Quizzes;

namespace KeHoach57.Training.Exports;

/// <summary>
/// A printable question sheet: the questions with their options, then, on a page of its own, the answer key with
/// each answer's source, so a trainer hands out the first part and keeps the second.
/// </summary>
public static class QuizSheet
{
    /// <param name="stylesheet">Where the server serves <see cref="Css"/>; null puts it inline.</param>
    public static string Render(IReadOnlyList<QuizItem> items, string title, string? stylesheet = null)
    {
        var sb = PrintPage.Start(title, Css, stylesheet);
        sb.Append("<header><h1>").Append(E(title)).Append("</h1><p class=\"meta\">").Append(items.Count)
          .Append(" câu · Họ và tên: ……………………………… · Đơn vị: ………………………</p></header>\n<ol class=\"questions\">\n");
        foreach (var item in items)
        {
            sb.Append("<li><p class=\"stem\">").Append(E(item.Stem)).Append(" <span class=\"tag\">")
              .Append(E(QuizBank.Name(item.Kind))).Append(" · ").Append(E(QuizBank.Name(item.Level))).Append("</span></p><ol class=\"options\" type=\"A\">");
            foreach (var option in item.Options) sb.Append("<li>").Append(E(option)).Append("</li>");
            sb.Append("</ol></li>\n");
        }
        sb.Append("</ol>\n<section class=\"key\"><h2>Đáp án</h2><ol>\n");
        foreach (var item in items)
            sb.Append("<li><strong>").Append(QuizItem.Letter(item.CorrectIndex)).Append(". ").Append(E(item.Answer)).Append("</strong> — ")
              .Append(E(item.Citation.Label)).Append(": <q>").Append(E(Core.Text.Excerpts.OneLine(item.Citation.Quote, 300))).Append("</q></li>\n");
        sb.Append("</ol></section>\n</body></html>\n");
        return sb.ToString();
    }

    private static string E(string s) => PrintPage.E(s);

    public const string Css = """
        @page { size: A4; margin: 16mm 15mm; }
        body { font-family: "Noto Serif", "Times New Roman", serif; font-size: 11.5pt; line-height: 1.4; color: #111; max-width: 180mm; margin: 0 auto; }
        h1 { font-size: 16pt; margin: 0 0 2mm; } h2 { font-size: 14pt; }
        .meta { color: #333; margin: 0 0 5mm; }
        .questions > li { break-inside: avoid; margin-bottom: 4mm; }
        .stem { margin: 0 0 1mm; font-weight: 600; }
        .tag { font-weight: normal; font-size: 9pt; color: #555; }
        .options { margin: 0; padding-left: 7mm; }
        .key { break-before: page; }
        .key li { margin-bottom: 2mm; break-inside: avoid; }
        q { font-style: italic; color: #333; }
        """;
}
