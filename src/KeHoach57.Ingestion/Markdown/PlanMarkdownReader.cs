using System.Text.RegularExpressions;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Markdown;

/// <summary>
/// Reads corpus Markdown back into a <see cref="PlanDocument"/>: what import wrote, and also plain Markdown
/// a user dropped into corpus/ (headings without "{#anchor}" get one from their text).
/// </summary>
public static partial class PlanMarkdownReader
{
    /// <exception cref="FormatException">Broken front matter.</exception>
    public static PlanDocument Read(string markdown, string fallbackId)
    {
        var (fields, body) = FrontMatter.Split(markdown.Replace("\r\n", "\n"));
        var info = FrontMatter.ToInfo(fields, fallbackId);
        var roots = new List<PlanSection>();
        var open = new List<PlanSection>();
        var anchors = new HashSet<string>();
        var paragraph = new List<string>();
        List<string>? table = null;

        PlanSection Current()
        {
            if (open.Count == 0) AddSection(2, PlanSection.OpeningHeading, "mo-dau");
            return open[^1];
        }

        void AddSection(int level, string heading, string anchor)
        {
            while (open.Count > 0 && open[^1].Level >= level) open.RemoveAt(open.Count - 1);
            var unique = anchor.Length > 0 ? anchor : "muc";
            for (var n = 2; !anchors.Add(unique); n++) unique = $"{anchor}-{n}";
            var section = new PlanSection(heading, unique, level);
            (open.Count > 0 ? open[^1].Children : roots).Add(section);
            open.Add(section);
        }

        void Flush()
        {
            if (paragraph.Count > 0) Current().Blocks.Add(new Paragraph(string.Join(' ', paragraph)));
            paragraph.Clear();
            if (table is { Count: > 0 }) Current().Blocks.Add(ReadTable(table));
            table = null;
        }

        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (table is not null && !line.StartsWith('|')) Flush();
            if (line.Length == 0) { Flush(); continue; }
            if (Heading().Match(line) is { Success: true } h)
            {
                Flush();
                var text = h.Groups[2].Value.Trim();
                AddSection(h.Groups[1].Length, text, h.Groups[3].Success ? h.Groups[3].Value : MarkdownText.Slug(text, 8));
            }
            else if (line.StartsWith('|'))
            {
                if (paragraph.Count > 0) Flush();
                (table ??= []).Add(line);
            }
            else if (Item().Match(line) is { Success: true } item)
            {
                Flush();
                Current().Blocks.Add(new ListItem(item.Groups[1].Value == "+" ? '+' : '-', item.Groups[2].Value.Trim()));
            }
            else paragraph.Add(MarkdownText.UnescapeLineStart(line));
        }
        Flush();
        return new PlanDocument(info, roots);
    }

    /// <summary>First column is the row number; a table with more columns keeps the rest as the row's text.</summary>
    private static Table ReadTable(List<string> lines)
    {
        var header = MarkdownText.SplitRow(lines[0]);
        var rows = lines.Skip(1)
            .Where(l => !Separator().IsMatch(l))
            .Select(MarkdownText.SplitRow)
            .Select(cells => new TableRow(cells[0], string.Join(" | ", cells.Skip(1))))
            .ToList();
        return new Table(string.Join(" | ", header.Skip(1)), rows);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)(?:\s*\{#([a-z0-9-]+)\})?\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^([-+*])\s+(.*)$")]
    private static partial Regex Item();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex Separator();
}
