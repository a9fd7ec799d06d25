using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KeHoach57.Answering.Composition;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Server.Documents;

/// <summary>How a document page shows a plan whose OCR lost its diacritics.</summary>
public enum DocumentView
{
    /// <summary>Read back into proper Vietnamese (the default for such plans), marked as a reading.</summary>
    Restored,
    /// <summary>The text exactly as the source (OCR) has it.</summary>
    Original,
}

/// <summary>
/// A plan as a web page, rendered chunk by chunk so every citation has an element to land on
/// (id "chunk-{anchor}"), with section headings rebuilt from the chunks' breadcrumbs. A plan whose OCR lost
/// its diacritics is shown read back into proper Vietnamese by the answers' own display text
/// (<see cref="AnswerText.ForAnswer"/>), said to be a reading, with links to switch to the original OCR and back
/// that keep the highlighted passage.
/// </summary>
public sealed class DocumentPage(AnswerText? reading = null)
{
    public const string SectionSeparator = " › ";

    /// <summary>The query parameter that asks for the original text (?view=original).</summary>
    public const string ViewParameter = "view";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // The corpus does not change while the process runs, so each document's body is rendered once per view.
    private readonly ConcurrentDictionary<(string Id, DocumentView View), string> _bodies = new();
    private readonly ConcurrentDictionary<string, bool> _restorable = new(StringComparer.OrdinalIgnoreCase);

    public static DocumentView ParseView(string? value) =>
        string.Equals(value?.Trim(), "original", StringComparison.OrdinalIgnoreCase) ? DocumentView.Original : DocumentView.Restored;

    /// <summary>Whether the page offers a restored reading: the plan's text lost its diacritics and a reader is at hand.</summary>
    public bool IsRestorable(CorpusDocument document) =>
        reading is not null && _restorable.GetOrAdd(document.Info.Id, _ => !DiacriticRestorer.IsClean(document.Markdown));

    public string Render(CorpusDocument document, string? highlight, DocumentView view = DocumentView.Restored)
    {
        var info = document.Info;
        var restorable = IsRestorable(document);
        if (!restorable) view = DocumentView.Original;
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
        // For trainers: the plan on one or two printed pages (TrainingApi serves it).
        page.Append("<p class=\"summary-link\"><a href=\"").Append(Html.Encode(DocumentLinks.Page(info.Id))).Append("/summary\">Tóm tắt kế hoạch (in 1–2 trang A4)</a></p>\n");
        page.Append("</header>\n");
        if (restorable) AppendViewSwitch(page, info.Id, highlight, view);
        var restored = view == DocumentView.Restored;
        page.Append(restored ? "<main class=\"doc restored\" id=\"noi-dung\">\n" : "<main class=\"doc\" id=\"noi-dung\">\n")
            .Append(_bodies.GetOrAdd((info.Id, view), _ => RenderBody(document, restored ? text => reading!.ForAnswer(text, info.Id) : text => text)))
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

    /// <summary>
    /// Says which text the page shows and links to the other one. Links, not a script toggle: they work without
    /// script, can be bookmarked, and keep the highlighted passage (query and fragment).
    /// </summary>
    private static void AppendViewSwitch(StringBuilder page, string docId, string? highlight, DocumentView view)
    {
        var restored = view == DocumentView.Restored;
        page.Append("<section class=\"reading\" aria-label=\"Cách hiển thị văn bản\">\n<p>")
            .Append(restored
                ? "Văn bản gốc là bản số hóa (OCR) bị mất dấu. Dưới đây là <strong>bản đọc lại có dấu</strong>, do máy thêm dấu để dễ đọc: có thể sai, nên khi cần chính xác hãy đối chiếu văn bản gốc."
                : "Dưới đây là <strong>văn bản gốc</strong> đúng như bản số hóa (OCR), kể cả chỗ mất dấu hay sai chữ.")
            .Append("</p>\n<nav class=\"views\" aria-label=\"Chọn bản hiển thị\">")
            .Append(ViewLink(docId, highlight, DocumentView.Restored, "Bản đọc lại có dấu", restored))
            .Append(ViewLink(docId, highlight, DocumentView.Original, "Văn bản gốc (OCR)", !restored))
            .Append("</nav>\n</section>\n");
    }

    private static string ViewLink(string docId, string? highlight, DocumentView view, string text, bool current)
    {
        if (current) return $"<a aria-current=\"page\" href=\"{Html.Encode(ViewUrl(docId, highlight, view))}\">{text}</a>";
        return $"<a href=\"{Html.Encode(ViewUrl(docId, highlight, view))}\">{text}</a>";
    }

    /// <summary>The page in a view, still marking and scrolled to the highlighted passage.</summary>
    public static string ViewUrl(string docId, string? highlight, DocumentView view)
    {
        var query = new List<string>();
        if (view == DocumentView.Original) query.Add($"{ViewParameter}=original");
        var anchor = string.IsNullOrWhiteSpace(highlight) ? null : Uri.EscapeDataString(highlight.Trim());
        if (anchor is not null) query.Add("highlight=" + anchor);
        return DocumentLinks.Page(docId) + (query.Count > 0 ? "?" + string.Join("&", query) : "") + (anchor is null ? "" : "#chunk-" + anchor);
    }

    private static string RenderBody(CorpusDocument document, Func<string, string> text)
    {
        if (document.Chunks.Count == 0)
            return SafeMarkdown.ToHtml(text(document.Markdown));

        var body = new StringBuilder();
        string[] open = [];
        var chunks = document.Chunks.OrderBy(c => c.Ordinal).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var path = chunk.Section.Split(SectionSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            AppendHeadings(body, open, path, text);
            open = path;
            if (chunk.Kind == ChunkKind.TableRow && TableRow.Cells(chunk.Text) is not null)
            {
                // Consecutive rows of one table render as one table, each row its own citation target.
                var rows = chunks.Skip(i).TakeWhile(c => c.Kind == ChunkKind.TableRow && c.Context == chunk.Context
                    && c.Section == chunk.Section && TableRow.Cells(c.Text) is not null).ToList();
                AppendTable(body, rows, text);
                i += rows.Count - 1;
                continue;
            }
            body.Append("<section class=\"chunk\" id=\"chunk-").Append(Html.Encode(chunk.Anchor)).Append("\">\n")
                .Append(SafeMarkdown.ToHtml(text(chunk.Kind == ChunkKind.TableRow ? chunk.Passage : chunk.Text)))
                .Append("</section>\n");
        }
        return body.ToString();
    }

    /// <summary>Emits a heading for each breadcrumb level that differs from the previous chunk's.</summary>
    private static void AppendHeadings(StringBuilder body, string[] previous, string[] current, Func<string, string> text)
    {
        var same = 0;
        while (same < previous.Length && same < current.Length && previous[same] == current[same]) same++;
        for (var level = same; level < current.Length; level++)
        {
            var tag = "h" + Math.Min(level + 2, 6);
            body.Append('<').Append(tag).Append('>').Append(Html.Encode(text(current[level]))).Append("</").Append(tag).Append(">\n");
        }
    }

    private static void AppendTable(StringBuilder body, IReadOnlyList<Chunk> rows, Func<string, string> text)
    {
        var (caption, header) = TableRow.SplitContext(rows[0].Context);
        body.Append("<div class=\"table-wrap\"><table>\n");
        if (caption.Length > 0) body.Append("<caption>").Append(Html.Encode(text(caption))).Append("</caption>\n");
        if (header is not null)
        {
            body.Append("<thead><tr>");
            foreach (var cell in header) body.Append("<th scope=\"col\">").Append(Html.Encode(text(cell))).Append("</th>");
            body.Append("</tr></thead>\n");
        }
        body.Append("<tbody>\n");
        foreach (var row in rows)
        {
            body.Append("<tr class=\"chunk\" id=\"chunk-").Append(Html.Encode(row.Anchor)).Append("\">");
            foreach (var cell in TableRow.Cells(row.Text)!) body.Append("<td>").Append(Html.Encode(text(cell))).Append("</td>");
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
