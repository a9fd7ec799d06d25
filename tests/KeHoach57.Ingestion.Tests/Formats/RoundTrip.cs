using KeHoach57.Evaluation;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Running;
using KeHoach57.Evaluation.Scoring;
using KeHoach57.Ingestion.Import;
using KeHoach57.Ingestion.Markdown;
using KeHoach57.Tests.Shared;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>
/// A seed plan imported from another format, judged against the same plan imported from its text export:
/// the characters of its text that come back, and its own dev questions answered over a temporary corpus
/// where it replaces the committed version (the other four plans stay as committed).
/// </summary>
public static class RoundTrip
{
    public const string DevSetReason = "../shared/eval/dev.jsonl is not here (a fresh clone has no shared/): answer accuracy per format is not measured";

    /// <summary>The dev questions whose answer is in this plan alone; null without ../shared.</summary>
    public static IReadOnlyList<EvalCase>? DevCases(string id) =>
        SharedFolder.Find(Path.Combine("eval", "dev.jsonl")) is { } path
            ? EvalSetReader.Read(path).Cases.Where(c => c.Doc == id && c.Doc2 is null).ToList()
            : null;

    public static double Recall(string id, ImportedPlan plan) =>
        TextRecovery.CharacterRecall(TextRecovery.Body(Seeds.Document(id)), TextRecovery.Body(PlanMarkdownReader.Read(plan.Markdown, id)));

    /// <summary>Answer accuracy on <paramref name="cases"/> with <paramref name="markdown"/> as the plan's corpus file.</summary>
    public static async Task<double> AccuracyAsync(string id, string markdown, IReadOnlyList<EvalCase> cases, CancellationToken cancellationToken) =>
        (await ScoreAsync(id, markdown, cases, cancellationToken)).Metrics.AnswerAccuracy;

    /// <summary>How each of <paramref name="cases"/> fared with <paramref name="markdown"/> as the plan's corpus file.</summary>
    public static async Task<Scorecard> ScoreAsync(string id, string markdown, IReadOnlyList<EvalCase> cases, CancellationToken cancellationToken)
    {
        var corpus = Directory.CreateTempSubdirectory("kh57-roundtrip-").FullName;
        try
        {
            foreach (var other in Seeds.Ids.Where(o => o != id))
                File.Copy(Path.Combine(Seeds.CorpusFolder, other + ".md"), Path.Combine(corpus, other + ".md"));
            await File.WriteAllTextAsync(Path.Combine(corpus, id + ".md"), markdown, PlanImporter.Utf8, cancellationToken);
            await using var assistant = await TestAssistant.CreateAsync(corpus);
            var run = await new EvalRunner().RunAsync(new AssistantTarget(assistant.Conversations), cases, EvalVariant.Question, cancellationToken);
            return run.Score();
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
        }
    }
}
