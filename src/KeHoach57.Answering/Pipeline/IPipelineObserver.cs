using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Retrieval.Ranking;

namespace KeHoach57.Answering.Pipeline;

/// <summary>
/// Sees every run of the pipeline: what it read, found, weighed and concluded. The eval's fitting registers one to
/// learn the selection weights and the calibrator from the tune half; nothing registers one in production.
/// </summary>
public interface IPipelineObserver
{
    void Observe(PipelineRun run);
}

/// <param name="Features">The confidence features of the chosen pair (all zero when nothing was selected).</param>
public sealed record PipelineRun(QuestionFacts Question, IReadOnlyList<string>? DocIds, IReadOnlyList<RankedPassage> Passages, Selected Selected, double[] Features, AnswerRecord Record);
