using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// A value a clause offers for one kind of ask: how an answer prints it, where it stands in the clause
/// ([Start, End) into <see cref="Clause.Text"/>), and how firmly the clause states it (0–1.5).
/// </summary>
public sealed record Candidate(AskKind Kind, string Display, int Start, int End, double Strength)
{
    /// <summary>The heading it was read from, when the clause itself does not hold it ("2.5. Đến hết năm 2045").</summary>
    public string? FromHeading { get; init; }

    /// <summary>Display is source text (items, a name, a stretch of the clause): shown read back into proper Vietnamese.</summary>
    public bool IsText { get; init; }

    /// <summary>The words that say what this value is about, when not those around it: a document number is
    /// described by what follows it ("03-KH/ĐU ngày 17/7/2025 của Ban Thường vụ …").</summary>
    public (int Start, int End)? About { get; init; }

    /// <summary>
    /// Of another kind than the question asks ("phòng nào" and this is a Bộ): never the answer, but weighed as the
    /// alternative it is, so that the answer's margin over the clause's other readings stays honest.
    /// </summary>
    public bool OffKind { get; init; }
}

/// <summary>
/// One kind of ask (Markdig's parser shape): it reads the values of its answer type out of a clause. What
/// makes a question ask for this kind is data (asks.tsv), not code; adding a kind is one class and its rows there.
/// </summary>
public interface IAskHandler
{
    AskKind Kind { get; }

    /// <summary>The valid values of this kind in the clause: a date for a deadline, an organisation for a unit, a figure with its unit …</summary>
    IEnumerable<Candidate> Read(Clause clause, QuestionFacts question);
}
