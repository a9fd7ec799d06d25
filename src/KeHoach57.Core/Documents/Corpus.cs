
namespace KeHoach57.Core.Documents;

/// <summary>The plans as loaded from corpus/, each with its chunks.</summary>
/// <param name="Fingerprint">Hash of the corpus files' names and bytes: an index built from another fingerprint is stale.</param>
public sealed class Corpus(IReadOnlyList<CorpusDocument> documents, string fingerprint)
{
    public IReadOnlyList<CorpusDocument> Documents { get; } = documents;
    public string Fingerprint { get; } = fingerprint;

    public IEnumerable<Chunk> Chunks => Documents.SelectMany(d => d.Chunks);

    public CorpusDocument? Find(string id) =>
        Documents.FirstOrDefault(d => string.Equals(d.Info.Id, id, StringComparison.OrdinalIgnoreCase));
}
