namespace KeHoach57.Ingestion;

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>Folder of corpus/&lt;id&gt;.md files (relative to the checkout root).</summary>
    public string Path { get; set; } = "corpus";

    /// <summary>A file larger than this is skipped with a warning (a plan is tens of kilobytes; no read is unbounded).</summary>
    public long MaxFileBytes { get; set; } = 8 * 1024 * 1024;
}
