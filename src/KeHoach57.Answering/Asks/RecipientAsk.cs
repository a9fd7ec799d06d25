using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// Where a report or proposal goes: the organisation right after "báo cáo", "gửi về", "tham mưu", "qua" …
/// ("báo cáo UBND tỉnh (qua Sở Khoa học và Công nghệ)"). Any other organisation of the clause barely answers it.
/// </summary>
public sealed class RecipientAsk(UnitReading reading) : IAskHandler
{
    public AskKind Kind => AskKind.Recipient;

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        foreach (var u in reading.Read(clause, question))
        {
            var strength = u.Issuing ? 0.2 : u.Receiving ? 1.2 : u.Labelled ? 0.2 : 0.4;
            if (UnitGazetteer.IsGeneric(u.Mention.Canonical)) strength = Math.Min(strength, 0.4);
            var fit = reading.AskedKindFit(question, u.Mention.Canonical);
            strength *= fit.Weight;
            yield return new Candidate(Kind, u.Mention.Canonical, u.Mention.Start, u.Mention.End, strength) { IsText = !u.Known, OffKind = fit.OffKind };
        }
    }
}
