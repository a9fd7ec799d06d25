namespace KeHoach57.Ingestion;

/// <summary>How documents are cut into chunks (config section "Chunking").</summary>
public sealed class ChunkingOptions
{
    public const string Section = "Chunking";

    /// <summary>Cut by the document's own structure (sections, table rows). Off: fixed-size windows, for the eval's ablation.</summary>
    public bool StructureAware { get; set; } = true;

    /// <summary>A section longer than this (characters) is split on sentence boundaries.</summary>
    public int MaxChars { get; set; } = 900;

    /// <summary>A section shorter than this merges with its sibling.</summary>
    public int MinChars { get; set; } = 120;

    /// <summary>Window size (characters) when <see cref="StructureAware"/> is off.</summary>
    public int WindowChars { get; set; } = 500;
}
