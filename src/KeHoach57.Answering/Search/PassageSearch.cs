using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Ranking;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Search;

/// <summary>
/// The "retrieve" step: the index recalls passages for the question's subject within the plans in scope;
/// among them, passages that hold a value of the kind asked (a date for a deadline, an organisation for
/// "who") and passages headed by the year asked rank a little higher.
/// </summary>
public sealed partial class PassageSearch(Retriever retriever, UnitGazetteer units, IOptions<AnsweringOptions> answering, IOptions<Selection.SelectionOptions> selection)
{
    // Per kind of ask (its number), per chunk id: keyed by a (chunk, kind) tuple, the framework's dictionary code for that
    // value-type key was compiled at run time on every process's first question.
    private readonly ConcurrentDictionary<string, bool>[] _holds = Enumerable.Range(0, Enum.GetValuesAsUnderlyingType(typeof(AskKind)).Cast<int>().Max() + 1)
        .Select(_ => new ConcurrentDictionary<string, bool>()).ToArray();
    private readonly ConcurrentDictionary<string, HashSet<string>> _numbers = new();

    [GeneratedRegex(@"\b20[2-5]\d\b")]
    private static partial Regex Year();

    public Task<IReadOnlyList<RankedPassage>> FindAsync(QuestionFacts question, IReadOnlyList<string>? docIds, CancellationToken cancellationToken) =>
        retriever.RetrieveAsync(question.Query, docIds, Math.Max(selection.Value.Passages, 8), chunk => Prior(chunk, question), cancellationToken);

    private double Prior(Chunk chunk, QuestionFacts question)
    {
        var o = answering.Value;
        var prior = 0.0;
        foreach (var ask in question.Asks)
        {
            var holds = _holds[(int)ask.Kind];
            if (!holds.TryGetValue(chunk.Id, out var held)) holds.TryAdd(chunk.Id, held = Holds(chunk, ask.Kind));
            if (held) prior += o.IntentPrior;
        }
        // "Kế hoạch nào nêu: … mục tiêu 98% hồ sơ …": a number the question states is what it asks about, so a passage
        // that states them all is nearer than one that only shares its words.
        if (question.StatedNumbers.Count > 0
            && PlanGrounder.States(_numbers.GetOrAdd(chunk.Id, static (_, c) => PlanGrounder.Numbers(c.Text), chunk), question.StatedNumbers))
            prior += o.StatedNumberPrior;
        if (question.Year is { } year)
        {
            var years = Year().Matches(chunk.Section + " " + chunk.Context).Select(m => int.Parse(m.Value)).ToList();
            if (years.Count > 0) prior += years.Contains(year) ? o.YearPrior : -o.YearPrior;
        }
        return prior;
    }

    private bool Holds(Chunk chunk, AskKind kind) => kind switch
    {
        AskKind.Deadline or AskKind.Date or AskKind.Frequency => ValueSpans.Dates(chunk.Text).Count > 0,
        AskKind.Figure or AskKind.Money => ValueSpans.Figures(chunk.Text).Count > 0,
        AskKind.LeadUnit or AskKind.CoUnits or AskKind.Recipient => units.Find(chunk.Section + " " + chunk.Text).Count > 0,
        AskKind.DocumentRef => ValueSpans.DocumentNumbers(chunk.Text).Count > 0,
        _ => false,
    };
}
