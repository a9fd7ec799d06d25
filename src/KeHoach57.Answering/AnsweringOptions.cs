namespace KeHoach57.Answering;

public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>Longest question accepted, in characters; longer ones get a clear error, not a slow search.</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>How many citations an answer shows at most.</summary>
    public int MaxCitations { get; set; } = 5;
}
