using System.Text.Json.Serialization;

namespace KeHoach57.Core.Documents;

/// <summary>A plan as read from corpus/: its metadata, its Markdown body and the chunks cut from it.</summary>
public sealed record CorpusDocument
{
    private readonly Lazy<string> _markdown;

    [JsonConstructor]
    public CorpusDocument(DocumentInfo info, string markdown, IReadOnlyList<Chunk> chunks)
        : this(info, new Lazy<string>(markdown), chunks)
    {
    }

    /// <summary>
    /// A plan whose body is decoded when first read: answering works from the chunks, and only a document page or a
    /// plan's cleanliness check reads the whole text, so a start on a large corpus does not decode every file's text.
    /// </summary>
    public CorpusDocument(DocumentInfo info, Func<string> markdown, IReadOnlyList<Chunk> chunks)
        : this(info, new Lazy<string>(markdown, LazyThreadSafetyMode.ExecutionAndPublication), chunks)
    {
    }

    private CorpusDocument(DocumentInfo info, Lazy<string> markdown, IReadOnlyList<Chunk> chunks)
    {
        Info = info;
        _markdown = markdown;
        Chunks = chunks;
    }

    public DocumentInfo Info { get; init; }

    public string Markdown => _markdown.Value;

    public IReadOnlyList<Chunk> Chunks { get; init; }

    // Equal as the positional record was: by metadata, text and chunk list, however the text was supplied.
    public bool Equals(CorpusDocument? other) =>
        other is not null && (ReferenceEquals(this, other) || (Info == other.Info && Markdown == other.Markdown && Equals(Chunks, other.Chunks)));

    public override int GetHashCode() => HashCode.Combine(Info, Markdown, Chunks);

    public void Deconstruct(out DocumentInfo info, out string markdown, out IReadOnlyList<Chunk> chunks)
    {
        info = Info;
        markdown = Markdown;
        chunks = Chunks;
    }
}
