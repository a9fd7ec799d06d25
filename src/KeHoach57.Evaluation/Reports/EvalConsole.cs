using Spectre.Console;

namespace KeHoach57.Evaluation.Reports;

/// <summary>Shows an eval's outcome on the terminal: the same tables and sections as the Markdown summary.</summary>
public static class EvalConsole
{
    public static void Render(EvalOutcome outcome, IAnsiConsole? console = null)
    {
        console ??= AnsiConsole.Console;
        foreach (var table in outcome.Tables) console.Write(ToSpectre(table));
        foreach (var section in outcome.Sections)
        {
            console.MarkupLine(section.Alert ? $"[bold red]{Markup.Escape(section.Title)}[/]" : $"[bold]{Markup.Escape(section.Title)}[/]");
            foreach (var line in section.Lines) console.MarkupLine("  " + Markup.Escape(line));
        }
    }

    private static Table ToSpectre(ReportTable source)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(source.Title)), Border = TableBorder.Rounded };
        foreach (var header in source.Headers) table.AddColumn(new TableColumn(Markup.Escape(header)));
        if (source.Rows.Count == 0) table.AddRow([Markup.Escape("(không có)"), .. source.Headers.Skip(1).Select(_ => "")]);
        foreach (var row in source.Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        return table;
    }
}
