using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>A phone number, an e-mail or a web address, as written. Plans rarely carry them: when the clause has none, nothing answers.</summary>
public sealed partial class ContactAsk : IAskHandler
{
    public AskKind Kind => AskKind.Contact;

    [GeneratedRegex(@"(?<![\d/.-])(?:\+84|0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?![\d/])|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[\w./-]+")]
    private static partial Regex Contact();

    public IEnumerable<Candidate> Read(Clause clause, QuestionFacts question)
    {
        foreach (Match m in Contact().Matches(clause.Text))
            yield return new Candidate(Kind, m.Value, m.Index, m.Index + m.Length, 1.0);
    }
}
