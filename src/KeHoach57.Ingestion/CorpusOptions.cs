namespace KeHoach57.Ingestion;

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>Folder of corpus/&lt;id&gt;.md files (relative to the checkout root).</summary>
    public string Path { get; set; } = "corpus";
}
