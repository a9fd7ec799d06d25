namespace KeHoach57.Retrieval;

/// <summary>
/// Second-stage ranking features over the backend's candidates (config section "Ranking").
/// Each can be switched off for the eval's ablation table.
/// </summary>
public sealed class RankingOptions
{
    public const string Section = "Ranking";

    /// <summary>Expand query words to the index's OCR-damaged spellings ("năm" → "nim", "ndm").</summary>
    public bool OcrFuzzyMatch { get; set; } = true;

    /// <summary>Boost passages whose section path or table header names what is asked.</summary>
    public bool SectionMatch { get; set; } = true;

    /// <summary>Boost passages where the query's words stand close together.</summary>
    public bool Proximity { get; set; } = true;

    /// <summary>Boost passages that hold what the intent needs (a date for a deadline, a unit for "who").</summary>
    public bool IntentFit { get; set; } = true;

    /// <summary>Prefer the document of the locality named in the question.</summary>
    public bool LocalityPrior { get; set; } = true;

    /// <summary>How many first-stage candidates the features re-rank.</summary>
    public int Candidates { get; set; } = 60;
}
