using System.Text;
using System.Text.Json;

namespace KeHoach57.Evaluation.Reports;

/// <summary>A titled list of lines beside the tables: the gate's verdict, validation findings.</summary>
/// <param name="Alert">Something is wrong here (gate failed, items no longer in the corpus): shown in red.</param>
public sealed record ReportSection(string Title, IReadOnlyList<string> Lines, bool Alert = false);

/// <summary>Writes the JSON report (figures plus every item's batch-contract line) and the Markdown summary.</summary>
public static class ReportWriter
{
    public static async Task WriteJsonAsync(EvalReport report, string path, CancellationToken cancellationToken = default)
    {
        EnsureFolder(path);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, EvalReport.Json, cancellationToken);
    }

    public static Task WriteMarkdownAsync(EvalReport report, IEnumerable<ReportTable> tables, IEnumerable<ReportSection> sections, string path, CancellationToken cancellationToken = default)
    {
        EnsureFolder(path);
        return File.WriteAllTextAsync(path, Markdown(report, tables, sections), new UTF8Encoding(false), cancellationToken);
    }

    public static string Markdown(EvalReport report, IEnumerable<ReportTable> tables, IEnumerable<ReportSection> sections)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Eval {report.CreatedAt:yyyy-MM-dd HH:mm} UTC").AppendLine();
        foreach (var set in report.Sets)
            sb.AppendLine($"- `{set.Name}`: {set.Items} mục, {set.Cases} câu ({set.Path})");
        sb.AppendLine();
        foreach (var section in sections)
        {
            sb.AppendLine($"## {(section.Alert ? "⚠ " : "")}{section.Title}").AppendLine();
            foreach (var line in section.Lines) sb.AppendLine($"- {line}");
            sb.AppendLine();
        }
        foreach (var table in tables)
        {
            sb.AppendLine($"## {table.Title}").AppendLine();
            if (table.Rows.Count == 0)
            {
                sb.AppendLine("(không có)").AppendLine();
                continue;
            }
            sb.AppendLine(Row(table.Headers));
            sb.AppendLine(Row(table.Headers.Select(_ => "---")));
            foreach (var row in table.Rows) sb.AppendLine(Row(row));
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Row(IEnumerable<string> cells) =>
        "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|").ReplaceLineEndings(" "))) + " |";

    private static void EnsureFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
