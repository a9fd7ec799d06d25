namespace KeHoach57.Core.Documents;

/// <summary>A plan as read from corpus/: its metadata, its Markdown body and the chunks cut from it.</summary>
public sealed record CorpusDocument(DocumentInfo Info, string Markdown, IReadOnlyList<Chunk> Chunks);
