using KeHoach57.Core.Documents;

namespace KeHoach57.Ingestion.Documents;

/// <summary>A plan as a tree of its own headings: what import writes as Markdown and what chunking cuts.</summary>
public sealed record PlanDocument(DocumentInfo Info, IReadOnlyList<PlanSection> Sections)
{
    public IEnumerable<PlanSection> AllSections() => Sections.SelectMany(s => s.SelfAndDescendants());
}

/// <summary>One heading of the document with the content up to its first child heading.</summary>
/// <param name="Heading">The heading as the source has it ("II1. T6 chirc thye hién").</param>
/// <param name="Anchor">Normalised numbering path ("iii-1-a"): stable across re-imports, URL-fragment safe.</param>
/// <param name="Level">Markdown heading level (2 = top-level section).</param>
public sealed class PlanSection(string heading, string anchor, int level)
{
    /// <summary>Heading given to what precedes the first heading (number line, title, preamble).</summary>
    public const string OpeningHeading = "Mở đầu";

    public string Heading { get; } = heading;
    public string Anchor { get; } = anchor;
    public int Level { get; } = level;
    public List<Block> Blocks { get; } = [];
    public List<PlanSection> Children { get; } = [];

    /// <summary>"Mở đầu" is ours, not the source's: it names the section but is not quoted as text.</summary>
    public bool IsSynthetic => Heading == OpeningHeading;

    public IEnumerable<PlanSection> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

public abstract record Block;

/// <summary>Lines of one paragraph, joined with single spaces.</summary>
public sealed record Paragraph(string Text) : Block;

/// <summary>A "- " or "+ " item; the marker stays because the source's nesting is told by it.</summary>
public sealed record ListItem(char Marker, string Text) : Block;

/// <summary>An appendix table: the OCR'd column header and one entry per recovered row.</summary>
public sealed record Table(string Header, IReadOnlyList<TableRow> Rows) : Block;

/// <summary>A table row: <paramref name="Number"/> is the recovered STT ("1.1", "13", or "I" for a group of rows), <paramref name="Text"/> the row's OCR text as is.</summary>
public sealed record TableRow(string Number, string Text)
{
    /// <summary>Rows numbered with Roman numerals head the rows after them ("Nhóm các nhiệm vụ ...").</summary>
    public bool IsRomanGroup => Number.Length > 0 && Number.All(c => c is 'I' or 'V' or 'X');
}
