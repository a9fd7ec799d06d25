using System.Net;
using System.Text;
using KeHoach57.Answering.Composition;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Training.Exports;
using KeHoach57.Training.Quizzes;

namespace KeHoach57.Training.Summaries;

/// <summary>
/// A plan on one or two A4 pages, for handing out in a course: who issued it, its number and date, its goals and
/// targets, its tasks with lead unit and deadline, and its reporting calendar — each line with the section it comes
/// from, so a trainee can find it in the plan. Built from the same facts as the quizzes; long lists are cut to fit.
/// </summary>
public sealed class PlanSummary(Corpus corpus, QuizBank bank, SourceLabels labels, QuizBuilder builder, Phrasing.GroundedPhrasing phrasing)
{
    private const int MaxTargets = 14;
    private const int MaxTasks = 12;

    /// <summary>The printable page, or null for an unknown plan.</summary>
    /// <param name="stylesheet">Where the server serves <see cref="Css"/>; null puts it inline.</param>
    public async Task<string?> RenderAsync(string planId, string? sourceUrl = null, string? stylesheet = null, CancellationToken cancellationToken = default)
    {
        if (corpus.Find(planId) is not { } plan) return null;
        var info = plan.Info;
        var facts = bank.Facts.Where(f => f.PlanId == info.Id).ToList();
        var targets = facts.Where(f => f.Kind == QuizKind.Target).Take(MaxTargets).ToList();
        var deadlines = facts.Where(f => f.Kind == QuizKind.Deadline).ToList();
        var reports = deadlines.Where(f => VietnameseText.Fold(f.Subject).Contains("bao cao")).ToList();
        var tasks = facts.Where(f => f.Kind == QuizKind.LeadUnit).Take(MaxTasks).ToList();
        var otherDeadlines = deadlines.Except(reports).ToList();
        var draft = $"{info.ShortName} nêu {targets.Count} chỉ tiêu tính bằng tỷ lệ phần trăm, giao {tasks.Count} nhiệm vụ cho đơn vị chủ trì cụ thể và đặt {reports.Count} mốc báo cáo.";
        var intro = await phrasing.PhraseSummaryAsync(draft,
            targets.Select(t => t.Statement).Concat(tasks.Select(t => t.Statement)).Concat(reports.Select(r => r.Statement)).ToList(), cancellationToken);

        var sb = PrintPage.Start("Tóm tắt: " + labels.Plan(info.Id), Css, stylesheet);
        sb.Append("<header>")
          .Append("<p class=\"kicker\">Tóm tắt kế hoạch · tài liệu lớp học</p><h1>").Append(E(info.Title)).Append("</h1><dl class=\"meta\">")
          .Append(Row("Cơ quan ban hành", info.Issuer)).Append(Row("Số hiệu", info.Number)).Append(Row("Ngày ký", Date(info.Date)))
          .Append(Row("Địa bàn", info.Locality)).Append("</dl></header>\n")
          .Append("<p class=\"intro\">").Append(E(intro)).Append("</p>\n");

        sb.Append("<section><h2>Mục tiêu và chỉ tiêu</h2>");
        if (targets.Count == 0) sb.Append("<p class=\"none\">Kế hoạch không nêu chỉ tiêu bằng tỷ lệ phần trăm trong phần mục tiêu.</p>");
        else
        {
            sb.Append("<table><thead><tr><th>Chỉ tiêu</th><th>Giá trị</th><th>Mục</th></tr></thead><tbody>");
            foreach (var t in targets)
                sb.Append("<tr><td>").Append(E(Capitalize(t.Statement.Replace(t.Value + " ", "")))).Append("</td><td class=\"v\">").Append(E(t.Value))
                  .Append("</td><td class=\"s\">").Append(E(builder.SectionOf(t.Clause.Chunk))).Append("</td></tr>");
            sb.Append("</tbody></table>");
        }
        sb.Append("</section>\n<section><h2>Nhiệm vụ và đơn vị chủ trì</h2>");
        if (tasks.Count == 0 && otherDeadlines.Count == 0) sb.Append("<p class=\"none\">Kế hoạch không giao nhiệm vụ cho một đơn vị cụ thể ở đầu câu hay đầu mục.</p>");
        else
        {
            sb.Append("<table><thead><tr><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời hạn</th><th>Mục</th></tr></thead><tbody>");
            foreach (var t in tasks)
            {
                var due = deadlines.FirstOrDefault(d => d.Clause.Chunk.Id == t.Clause.Chunk.Id && d.Clause.Text == t.Clause.Text)?.Value ?? "";
                sb.Append("<tr><td>").Append(E(Capitalize(t.Subject))).Append("</td><td>").Append(E(t.Value)).Append("</td><td class=\"v\">").Append(E(due))
                  .Append("</td><td class=\"s\">").Append(E(builder.SectionOf(t.Clause.Chunk))).Append("</td></tr>");
            }
            foreach (var d in otherDeadlines.Where(d => !tasks.Any(t => t.Clause.Text == d.Clause.Text)))
                sb.Append("<tr><td>").Append(E(Capitalize(d.Subject))).Append("</td><td></td><td class=\"v\">").Append(E(d.Value))
                  .Append("</td><td class=\"s\">").Append(E(builder.SectionOf(d.Clause.Chunk))).Append("</td></tr>");
            sb.Append("</tbody></table>");
        }
        sb.Append("</section>\n<section><h2>Lịch báo cáo</h2>");
        if (reports.Count == 0) sb.Append("<p class=\"none\">Kế hoạch không nêu hạn báo cáo cụ thể.</p>");
        else
        {
            sb.Append("<ul class=\"calendar\">");
            foreach (var r in reports)
                sb.Append("<li><strong>").Append(E(r.Value)).Append("</strong>: ").Append(E(Capitalize(r.Subject)))
                  .Append(" <span class=\"s\">(").Append(E(builder.SectionOf(r.Clause.Chunk))).Append(")</span></li>");
            sb.Append("</ul>");
        }
        sb.Append("</section>\n<footer>Trích từ văn bản gốc (bản nhận dạng chữ có thể sai sót); đối chiếu từng dòng với mục được ghi bên cạnh")
          .Append(sourceUrl is null ? "" : $": <a href=\"{E(sourceUrl)}\">{E(sourceUrl)}</a>").Append(".</footer>\n</body></html>\n");
        return sb.ToString();
    }

    private static string Row(string label, string value) =>
        $"<div><dt>{E(label)}</dt><dd>{(value.Length == 0 ? "<span class=\"none\">văn bản không ghi</span>" : E(value))}</dd></div>";

    private static string Date(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", out var d) ? $"ngày {d.Day} tháng {d.Month} năm {d.Year}" : iso;

    private static string Capitalize(string s) => FactText.Capitalize(s.Trim('“', '”', ' '));

    private static string E(string s) => PrintPage.E(s);

    public const string Css = """
        @page { size: A4; margin: 14mm 14mm; }
        body { font-family: "Noto Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; max-width: 182mm; margin: 0 auto; }
        .kicker { text-transform: uppercase; letter-spacing: .05em; font-size: 8.5pt; color: #555; margin: 0; }
        h1 { font-size: 13pt; margin: 1mm 0 3mm; } h2 { font-size: 11.5pt; margin: 4mm 0 2mm; border-bottom: 1px solid #999; }
        .meta { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 6mm; margin: 0; }
        .meta div { display: flex; gap: 2mm; } dt { font-weight: 600; } dd { margin: 0; }
        table { width: 100%; border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
        th { background: #eee; } tr { break-inside: avoid; }
        .v { white-space: nowrap; font-weight: 600; } .s { white-space: nowrap; color: #444; font-size: 9pt; }
        .intro { margin: 3mm 0 0; }
        .none { color: #666; font-style: italic; } .calendar { margin: 0; padding-left: 5mm; }
        footer { margin-top: 4mm; font-size: 8.5pt; color: #444; }
        """;
}
