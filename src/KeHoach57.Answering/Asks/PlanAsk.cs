using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// "Kế hoạch nào đặt mục tiêu 95% hồ sơ được số hóa?": the answer is a plan and its section, read from a clause
/// that says the asked content. Every clause offers its own passage's label; what decides is how much of the
/// content the clause says, which <see cref="Grounding.PlanGrounder"/> judges.
/// </summary>
public sealed class PlanAsk(SourceLabels labels, FactAsk focus) : IAskHandler
{
    public AskKind Kind => AskKind.Plan;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        // The stretch where the question's words gather is what the answer quotes and what its locality is measured on.
        var (start, end) = focus.Focus(clause, question);
        yield return new Candidate(Kind, labels.Passage(clause.Chunk), start, end, 1.0) { About = (start, end) };
    }
}
