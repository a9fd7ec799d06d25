using KeHoach57.Core.Documents;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Chunking;

/// <summary>
/// Cuts a plan into chunks along its own structure: one chunk per leaf section (and per section's text
/// before its first sub-heading), one per appendix table row. Long sections split on sentence
/// boundaries, tiny ones merge with a sibling; the section's heading line opens its first chunk, since
/// headings such as "1. Phòng Văn hóa - Xã hội" carry the answer as often as the text under them.
/// </summary>
public sealed class Chunker(ChunkingOptions options)
{
    public const string Separator = " › ";

    /// <summary>Text of one section (or of merged siblings) before size limits are applied.</summary>
    private sealed record Piece(string Anchor, string Section, string Group, List<string> Lines)
    {
        public int Length => Lines.Sum(l => l.Length + 1);
    }

    public IReadOnlyList<Chunk> Chunk(PlanDocument document) =>
        options.StructureAware ? ByStructure(document) : ByWindows(document);

    private List<Chunk> ByStructure(PlanDocument document)
    {
        var items = new List<object>();
        foreach (var section in document.Sections) Collect(section, "", "", items, []);

        var chunks = new List<Chunk>();
        foreach (var item in MergeTiny(items))
        {
            if (item is Chunk row) chunks.Add(row with { DocId = document.Info.Id, Id = $"{document.Info.Id}/{row.Id}", Ordinal = chunks.Count });
            else if (item is Piece piece)
            {
                var parts = SplitLong(piece);
                for (var i = 0; i < parts.Count; i++)
                {
                    var anchor = i == 0 ? piece.Anchor : $"{piece.Anchor}-p{i + 1}";
                    chunks.Add(new Chunk($"{document.Info.Id}/{anchor}", document.Info.Id, piece.Section, parts[i], Ordinal: chunks.Count));
                }
            }
        }
        return chunks;
    }

    /// <param name="headings">Headings with no text of their own, still to be placed: they open the next chunk,
    /// as they precede it in the source ("2.5. Đến hết năm 2045" above "a) Phát triển hạ tầng").</param>
    private static void Collect(PlanSection section, string parentPath, string parentGroup, List<object> items, List<string> headings)
    {
        var path = Path(parentPath, section);
        if (!section.IsSynthetic) headings.Add(section.Heading);
        var text = section.Blocks.Where(b => b is not Table).Select(Render).ToList();
        if (text.Count > 0 || section.Children.Count == 0)
        {
            // Headings are never cut from the text under them: they share its first line.
            var lines = new List<string> { string.Join('\n', headings.Concat(text.Take(1))) };
            lines.AddRange(text.Skip(1));
            headings.Clear();
            // Text ahead of sub-headings is a sibling of those sub-sections: a tiny intro merges into the first one.
            items.Add(new Piece(section.Anchor, path, section.Children.Count > 0 ? section.Anchor : parentGroup, lines));
        }
        foreach (var table in section.Blocks.OfType<Table>())
            items.AddRange(TableRows(section, path, table));
        foreach (var child in section.Children) Collect(child, path, section.Anchor, items, headings);
    }

    private static string Path(string parentPath, PlanSection section) =>
        parentPath.Length == 0 ? section.Heading : parentPath + Separator + section.Heading;

    private static string Render(Block block) => block switch
    {
        Paragraph p => p.Text,
        ListItem item => item.Marker + " " + item.Text,
        _ => "",
    };

    /// <summary>One chunk per row; its context is the table's title and header, and for a sub-row the row heading its group.</summary>
    private static IEnumerable<Chunk> TableRows(PlanSection section, string path, Table table)
    {
        var caption = section.Blocks.TakeWhile(b => b != table).OfType<Paragraph>().Select(p => p.Text).Where(t => !t.StartsWith('('));
        var title = string.Join(' ', caption.Prepend(section.Heading));
        TableRow? group = null;
        foreach (var row in table.Rows)
        {
            var parent = row.Number.Contains('.') ? table.Rows.FirstOrDefault(r => r.Number == row.Number[..row.Number.IndexOf('.')]) : null;
            if (row.IsRomanGroup) group = row;
            var heading = parent ?? (row.IsRomanGroup ? null : group);
            var context = string.Join('\n', new[] { title, table.Header, heading is null ? "" : heading.Number + " " + heading.Text }.Where(s => s.Length > 0));
            yield return new Chunk(RowAnchor(section.Anchor, row), "", path, row.Text, ChunkKind.TableRow, context);
        }
    }

    private static string RowAnchor(string sectionAnchor, TableRow row) =>
        row.IsRomanGroup ? $"{sectionAnchor}-g{Numbering.RomanValue(row.Number)}" : $"{sectionAnchor}-r{row.Number.Replace('.', '-')}";

    /// <summary>A piece under MinChars joins the next piece of its group, or else the previous one; rows never merge.</summary>
    private List<object> MergeTiny(List<object> items)
    {
        var result = new List<object>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not Piece piece || piece.Length >= options.MinChars)
            {
                result.Add(items[i]);
                continue;
            }
            if (i + 1 < items.Count && items[i + 1] is Piece next && next.Group == piece.Group)
                items[i + 1] = piece with { Lines = [.. piece.Lines, .. next.Lines] };
            else if (result.Count > 0 && result[^1] is Piece previous && previous.Group == piece.Group)
                previous.Lines.AddRange(piece.Lines);
            else result.Add(piece);
        }
        return result;
    }

    /// <summary>
    /// Packs the piece's lines into parts of at most MaxChars, cutting a line that is too long at sentence ends.
    /// "+" sub-items stay with the item above them; a tail shorter than MinChars rides with the part before it.
    /// </summary>
    private List<string> SplitLong(Piece piece)
    {
        var max = options.MaxChars;
        if (piece.Length <= max) return [string.Join('\n', piece.Lines)];
        var units = new List<string>();
        foreach (var line in piece.Lines.SelectMany(l => TextSplitter.Split(l, max)))
        {
            if (line.StartsWith("+ ", StringComparison.Ordinal) && units.Count > 0 && units[^1].Length + 1 + line.Length <= max)
                units[^1] += "\n" + line;
            else units.Add(line);
        }
        var parts = new List<string>();
        var current = "";
        foreach (var unit in units)
        {
            if (current.Length > 0 && current.Length + 1 + unit.Length > max)
            {
                parts.Add(current);
                current = "";
            }
            current = current.Length == 0 ? unit : current + "\n" + unit;
        }
        if (parts.Count > 0 && current.Length < options.MinChars) parts[^1] += "\n" + current;
        else parts.Add(current);
        return parts;
    }

    private List<Chunk> ByWindows(PlanDocument document)
    {
        var text = new System.Text.StringBuilder();
        var starts = new List<(int Offset, string Section)>();
        foreach (var section in document.Sections) Flatten(section, "", text, starts);
        var chunks = new List<Chunk>();
        foreach (var (start, window) in TextSplitter.Windows(text.ToString(), options.WindowChars))
        {
            var section = starts.LastOrDefault(s => s.Offset <= start).Section ?? "";
            chunks.Add(new Chunk($"{document.Info.Id}/w{chunks.Count + 1}", document.Info.Id, section, window, Ordinal: chunks.Count));
        }
        return chunks;
    }

    private static void Flatten(PlanSection section, string parentPath, System.Text.StringBuilder text, List<(int, string)> starts)
    {
        var path = Path(parentPath, section);
        starts.Add((text.Length, path));
        if (!section.IsSynthetic) text.Append(section.Heading).Append('\n');
        foreach (var block in section.Blocks)
        {
            if (block is Table table)
                foreach (var row in table.Rows) text.Append(row.Text).Append('\n');
            else text.Append(Render(block)).Append('\n');
        }
        foreach (var child in section.Children) Flatten(child, path, text, starts);
    }
}
