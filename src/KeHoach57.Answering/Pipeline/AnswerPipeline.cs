using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Search;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Ranking;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Pipeline;

/// <summary>
/// One direction, one step each: retrieve within the plans in scope → select the clause and its values →
/// ground (gates and calibrated confidence) → compose the record, or refuse with the nearest passages.
/// The question arrives understood (<see cref="QuestionFacts"/>); no step re-reads it.
/// </summary>
public sealed class AnswerPipeline(
    Corpus corpus,
    PassageSearch search,
    ClauseSelector selector,
    Grounder grounder,
    AnswerComposer composer,
    PlanHeader header,
    SourceLabels labels,
    PlanGrounder plans,
    IOptions<AnsweringOptions> options,
    IPipelineObserver? observer = null)
{
    /// <param name="threshold">A lower confidence bar than the calibrator's (see <see cref="AnsweringOptions.ComparisonSideThreshold"/>).</param>
    public async Task<AnswerRecord> RunAsync(QuestionFacts question, IReadOnlyList<string>? docIds, CancellationToken cancellationToken, double? threshold = null)
    {
        var scope = docIds is { Count: 1 } ? docIds[0] : null;
        if (scope is not null && corpus.Find(scope) is { } plan && header.IsAbout(question, plan, inScope: true))
            return FromHeader(question, plan);

        var passages = await search.FindAsync(question, docIds, cancellationToken);
        var selected = selector.Select(question, passages);
        var found = question.Primary == AskKind.Plan ? plans.Judge(question, selected) : null;
        var verdict = found?.Verdict ?? grounder.Judge(question, selected, passages.Take(selector.PassagesRead).ToList(), threshold);
        var refused = verdict.RefusalReason is not null && (options.Value.Calibrate || selected.Best is null || found is not null);
        var record = refused
            ? composer.Refusal(question, verdict.RefusalReason!, passages, scope, verdict.Confidence)
            : found is not null ? composer.Plans(question, found.Plans, verdict)
            : composer.Answer(question, selected.Best!, verdict, passages);
        // A value that reads as nothing once shown (a label OCR shredded into punctuation) answers nothing.
        if (!refused && found is null && (record.Value ?? "").Trim(' ', '.', ',', ':', ';', '-').Length == 0)
            record = composer.Refusal(question, verdict.RefusalReason ?? Grounder.NotSure(question), passages, scope, verdict.Confidence);
        record = record with { Trace = Trace(question, scope, passages, selected, verdict) };
        observer?.Observe(new PipelineRun(question, docIds, passages, selected,
            selected.Best is null ? ConfidenceFeatures.None : ConfidenceFeatures.Of(question, selected), record));
        return record;
    }

    private AnswerRecord FromHeader(QuestionFacts question, CorpusDocument plan)
    {
        if (header.Facts(question, plan) is not { } facts)
            return new AnswerRecord(false, $"{labels.Plan(plan.Info.Id)} (bản đang có) không ghi số hiệu hoặc ngày ký.", null, question.Primary, [],
                "Phần đầu văn bản không ghi số hiệu hoặc ngày ký.") { PlanId = plan.Info.Id };
        var citation = new Citation(plan.Info.Id, plan.Info.Title, facts.Header.Section, facts.Header.Text, facts.Header.Passage, 1, facts.Header.Id)
        {
            Label = labels.Passage(facts.Header),
        };
        return new AnswerRecord(true, $"{facts.Line} ({labels.Plan(plan.Info.Id)}).", facts.Value, question.Primary, [citation])
        {
            PlanId = plan.Info.Id,
            Confidence = 1,
        };
    }

    private AnswerTrace Trace(QuestionFacts question, string? scope, IReadOnlyList<RankedPassage> passages, Selected selected, Verdict verdict) => new(
        question.Asks.Select(a => $"{a.Kind} ({a.Cue}, {a.Strength:0.##})").ToList(),
        question.Subject,
        question.Places.PlanIds.Concat(question.Places.Unindexed).ToList(),
        scope,
        passages.Take(selector.PassagesRead).Select(p => new ConsideredPassage(p.Chunk.Id, labels.Passage(p.Chunk), Math.Round(p.Score, 4))).ToList(),
        selected.Best?.Clause.Text,
        verdict.Features);
}
