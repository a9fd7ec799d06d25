namespace KeHoach57.Answering;

public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>Longest question accepted, in characters; longer ones get a clear error, not a slow search.</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>How many citations an answer shows at most.</summary>
    public int MaxCitations { get; set; } = 5;

    /// <summary>
    /// Answers kept for repeated questions (the same words, scope and previous turn); 0 turns the cache off.
    /// The corpus is fixed for the life of the process, so a kept answer never goes stale.
    /// </summary>
    public int CacheSize { get; set; } = 4096;

    /// <summary>Below this share of the question's topic words in the best clause, the plans are taken not to answer.</summary>
    public double MinSupport { get; set; } = 0.15;

    /// <summary>A question asking for a date, figure or number whose best clause holds none needs at least this support.</summary>
    public double MinSupportWithoutValue { get; set; } = 1.01;
}
