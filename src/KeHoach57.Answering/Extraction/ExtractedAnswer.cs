using KeHoach57.Core.Documents;

namespace KeHoach57.Answering.Extraction;

/// <summary>One fact of the answer: how it is printed, and the exact source text it was read from.</summary>
public sealed record AnswerPart(string Display, string SourceText)
{
    /// <summary>The heading the fact was read from, when the clause itself does not hold it.</summary>
    public string? FromHeading { get; init; }

    /// <summary>A collective unit ("Các phòng, ban ngành"): an answer only when nothing specific is said.</summary>
    public bool Generic { get; init; }

    /// <summary>Display is source text (a list's items): shown read back into proper Vietnamese, like the clause.</summary>
    public bool Quoted { get; init; }

    /// <summary>The unit heads the clause as its label ("Văn phòng Tỉnh ủy: Thực hiện vai trò …").</summary>
    public bool Labelled { get; init; }
}

/// <summary>The clause chosen to answer from, within its passage, and the facts read from it.</summary>
/// <param name="Support">How well the clause covers the question's topic words (0–1).</param>
public sealed record ExtractedAnswer(
    Chunk Chunk,
    string Clause,
    IReadOnlyList<AnswerPart> Parts,
    double Support,
    bool Complete)
{
    /// <summary>Where a long clause says what was asked ("…, xây dựng mô hình … theo VietGAP, GlobalGAP …"): the part an answer without facts leads with.</summary>
    public string? Focus { get; init; }
}
