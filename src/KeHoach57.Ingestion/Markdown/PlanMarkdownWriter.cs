using System.Text;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Markdown;

/// <summary>
/// Writes a plan as corpus Markdown: front matter, then one heading per section carrying its anchor
/// ("### 1. Muc tiéu chung {#i-1}"), paragraphs on one line each, tight lists, and appendix tables with
/// the recovered STT in the first column and the row's OCR text in the second.
/// </summary>
public static class PlanMarkdownWriter
{
    public static string Write(PlanDocument document)
    {
        var sb = new StringBuilder(FrontMatter.Write(document.Info));
        foreach (var section in document.AllSections())
        {
            sb.Append('\n').Append('#', section.Level).Append(' ').Append(section.Heading)
              .Append(" {#").Append(section.Anchor).Append("}\n");
            Block? previous = null;
            foreach (var block in section.Blocks)
            {
                if (!(block is ListItem && previous is ListItem)) sb.Append('\n');
                WriteBlock(sb, block, previous);
                previous = block;
            }
        }
        return sb.ToString();
    }

    private static void WriteBlock(StringBuilder sb, Block block, Block? previous)
    {
        switch (block)
        {
            case Paragraph p:
                sb.Append(MarkdownText.EscapeLineStart(p.Text)).Append('\n');
                break;
            case ListItem item:
                // "+" items are the sub-points of the "-" item above them.
                if (item.Marker == '+' && previous is ListItem) sb.Append("  ");
                sb.Append(item.Marker).Append(' ').Append(item.Text).Append('\n');
                break;
            case Table table:
                sb.Append("| STT | ").Append(MarkdownText.EscapeCell(table.Header)).Append(" |\n| --- | --- |\n");
                foreach (var row in table.Rows)
                    sb.Append("| ").Append(row.Number).Append(" | ").Append(MarkdownText.EscapeCell(row.Text)).Append(" |\n");
                break;
        }
    }
}
