namespace KeHoach57.Ingestion;

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>Folder of corpus/&lt;id&gt;.md files (relative to the checkout root).</summary>
    public string Path { get; set; } = "corpus";

    /// <summary>
    /// Folder (relative to the checkout root) where the parsed corpus is kept between starts, so a start with
    /// unchanged files skips parsing and chunking (<see cref="CorpusCache"/>); empty: parsed at every start.
    /// The assistant's hosts point it at the index's data folder.
    /// </summary>
    public string CacheFolder { get; set; } = "";

    /// <summary>A file larger than this is skipped with a warning (a plan is tens of kilobytes; no read is unbounded).</summary>
    public long MaxFileBytes { get; set; } = 8 * 1024 * 1024;
}
