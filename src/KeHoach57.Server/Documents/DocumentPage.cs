using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KeHoach57.Core.Documents;

namespace KeHoach57.Server.Documents;

/// <summary>
/// A plan as a web page, rendered chunk by chunk so every citation has an element to land on
/// (id "chunk-{anchor}"), with section headings rebuilt from the chunks' breadcrumbs.
/// </summary>
public sealed class DocumentPage
{
    public const string SectionSeparator = " › ";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // The corpus does not change while the process runs, so each document's body is rendered once.
    private readonly ConcurrentDictionary<string, string> _bodies = new(StringComparer.OrdinalIgnoreCase);

    public string Render(CorpusDocument document, string? highlight)
    {
        var info = document.Info;
        var page = new StringBuilder();
        page.Append("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Encode(info.Title)).Append(" – Trợ lý Kế hoạch 57</title>\n")
            .Append("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n")
            .Append("<link rel=\"stylesheet\" href=\"/assets/document.css\">\n")
            .Append("<script src=\"/assets/document.js\" defer></script>\n</head>\n")
            .Append("<body data-highlight=\"").Append(Html.Encode(highlight ?? "")).Append("\">\n")
            .Append("<header class=\"doc-header\">\n<a class=\"back\" href=\"/\">← Trang chủ</a>\n")
            .Append("<p class=\"kicker\">Văn bản kế hoạch · mã <code>").Append(Html.Encode(info.Id)).Append("</code></p>\n")
            .Append("<h1>").Append(Html.Encode(info.Title)).Append("</h1>\n");
        AppendMetadata(page, info);
        page.Append("</header>\n<main class=\"doc\" id=\"noi-dung\">\n")
            .Append(_bodies.GetOrAdd(info.Id, _ => RenderBody(document)))
            .Append("</main>\n<footer class=\"doc-footer\">Đoạn được trợ lý trích dẫn được tô sáng. ")
            .Append("Nội dung lấy từ văn bản gốc đã số hóa; khi cần chính xác tuyệt đối, hãy đối chiếu bản giấy.</footer>\n")
            .Append("</body>\n</html>\n");
        return page.ToString();
    }

    private static void AppendMetadata(StringBuilder page, DocumentInfo info)
    {
        var rows = new (string Label, string Value)[]
        {
            ("Cơ quan ban hành", info.Issuer), ("Số hiệu", info.Number), ("Ngày ban hành", info.Date),
            ("Địa phương", info.Locality), ("Cấp", info.Level),
        }.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToList();
        if (rows.Count == 0) return;
        page.Append("<dl class=\"meta\">\n");
        foreach (var (label, value) in rows)
            page.Append("<div><dt>").Append(label).Append("</dt><dd>").Append(Html.Encode(value)).Append("</dd></div>\n");
        page.Append("</dl>\n");
    }

    private static string RenderBody(CorpusDocument document)
    {
        if (document.Chunks.Count == 0)
            return SafeMarkdown.ToHtml(document.Markdown);

        var body = new StringBuilder();
        string[] open = [];
        var chunks = document.Chunks.OrderBy(c => c.Ordinal).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var path = chunk.Section.Split(SectionSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            AppendHeadings(body, open, path);
            open = path;
            if (chunk.Kind == ChunkKind.TableRow && TableRow.Cells(chunk.Text) is not null)
            {
                // Consecutive rows of one table render as one table, each row its own citation target.
                var rows = chunks.Skip(i).TakeWhile(c => c.Kind == ChunkKind.TableRow && c.Context == chunk.Context
                    && c.Section == chunk.Section && TableRow.Cells(c.Text) is not null).ToList();
                AppendTable(body, rows);
                i += rows.Count - 1;
                continue;
            }
            body.Append("<section class=\"chunk\" id=\"chunk-").Append(Html.Encode(chunk.Anchor)).Append("\">\n")
                .Append(SafeMarkdown.ToHtml(chunk.Kind == ChunkKind.TableRow ? chunk.Passage : chunk.Text))
                .Append("</section>\n");
        }
        return body.ToString();
    }

    /// <summary>Emits a heading for each breadcrumb level that differs from the previous chunk's.</summary>
    private static void AppendHeadings(StringBuilder body, string[] previous, string[] current)
    {
        var same = 0;
        while (same < previous.Length && same < current.Length && previous[same] == current[same]) same++;
        for (var level = same; level < current.Length; level++)
        {
            var tag = "h" + Math.Min(level + 2, 6);
            body.Append('<').Append(tag).Append('>').Append(Html.Encode(current[level])).Append("</").Append(tag).Append(">\n");
        }
    }

    private static void AppendTable(StringBuilder body, IReadOnlyList<Chunk> rows)
    {
        var (caption, header) = TableRow.SplitContext(rows[0].Context);
        body.Append("<div class=\"table-wrap\"><table>\n");
        if (caption.Length > 0) body.Append("<caption>").Append(Html.Encode(caption)).Append("</caption>\n");
        if (header is not null)
        {
            body.Append("<thead><tr>");
            foreach (var cell in header) body.Append("<th scope=\"col\">").Append(Html.Encode(cell)).Append("</th>");
            body.Append("</tr></thead>\n");
        }
        body.Append("<tbody>\n");
        foreach (var row in rows)
        {
            body.Append("<tr class=\"chunk\" id=\"chunk-").Append(Html.Encode(row.Anchor)).Append("\">");
            foreach (var cell in TableRow.Cells(row.Text)!) body.Append("<td>").Append(Html.Encode(cell)).Append("</td>");
            body.Append("</tr>\n");
        }
        body.Append("</tbody></table></div>\n");
    }

    /// <summary>Reads pipe-table rows ("| a | b |") as ingestion writes them.</summary>
    private static class TableRow
    {
        public static string[]? Cells(string line)
        {
            var text = line.Trim();
            if (text.Contains('\n') || text.Length < 2 || text[0] != '|' || text[^1] != '|') return null;
            return text[1..^1].Split('|').Select(c => c.Trim()).ToArray();
        }

        public static (string Caption, string[]? Header) SplitContext(string context)
        {
            var lines = context.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var header = lines.Select(Cells).LastOrDefault(c => c is not null && !c.All(IsRule));
            var caption = string.Join(" ", lines.Where(l => Cells(l) is null));
            return (caption, header);
        }

        private static bool IsRule(string cell) => cell.Length > 0 && cell.All(c => c is '-' or ':');
    }
}
