namespace KeHoach57.Retrieval;

public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>"embedded" (default, no server) or "qdrant".</summary>
    public string Backend { get; set; } = "embedded";

    /// <summary>Folder for the embedded index and other local state (relative to the checkout root).</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Rebuild the index at start when corpus/ changed since it was built.</summary>
    public bool RebuildWhenStale { get; set; } = true;

    /// <summary>BM25 term-frequency saturation and length normalization.</summary>
    public double K1 { get; set; } = 1.2;
    public double B { get; set; } = 0.75;
}
