namespace KeHoach57.Core.Documents;

public enum ChunkKind { Text, TableRow }

/// <summary>
/// The unit of retrieval and citation: a leaf section (or a sentence-bounded piece of a long one),
/// or one appendix table row. <see cref="Context"/> carries what a row means on its own
/// (table title and header row) so it can be matched and shown without the rest of the table.
/// </summary>
/// <param name="Id">"{docId}/{anchor}": stable across re-imports, so point ids and links survive.</param>
/// <param name="Section">Breadcrumb of the document's own headings, joined with " › ".</param>
/// <param name="Text">Source text as imported (OCR noise included): what citations quote.</param>
/// <param name="Ordinal">Position in the document, for neighbours and stable ordering.</param>
public sealed record Chunk(
    string Id,
    string DocId,
    string Section,
    string Text,
    ChunkKind Kind = ChunkKind.Text,
    string Context = "",
    int Ordinal = 0)
{
    public string Anchor => Id[(Id.IndexOf('/') + 1)..];

    /// <summary>What a citation shows as "the whole chunk": the row's table context, then the text.</summary>
    public string Passage => Context.Length == 0 ? Text : Context + "\n" + Text;
}
