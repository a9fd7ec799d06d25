using System.Globalization;
using KeHoach57.Evaluation;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Reports;
using KeHoach57.Retrieval.Qdrant.Tests.Fake;
using KeHoach57.Retrieval.Qdrant.Tests.Support;
using KeHoach57.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// The whole assistant over the real corpus, once on the embedded index and once on Qdrant (the fake, through
/// Qdrant.Client and the production registration): every eval question, with and without diacritics, must get
/// the same answer and the same citations, so the eval figures are the same both ways.
/// </summary>
public sealed class EvalParityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bộ_dev_được_trả_lời_giống_hệt_qua_Qdrant_và_qua_chỉ_mục_nhúng()
    {
        var dev = SharedFolder.Find(Path.Combine("eval", "dev.jsonl"));
        Assert.SkipWhen(dev is null, "shared/eval/dev.jsonl is not beside this checkout (only the team's machines have shared/).");

        await AssertSameAnswersAsync(dev!, EvalVariant.Question, EvalVariant.QuestionPlain);
    }

    /// <summary>Runs where shared/ is absent too; the variant without diacritics only, as it sends the most query terms
    /// (OCR spellings) and the whole set takes a minute per variant and backend.</summary>
    [Fact]
    public async Task Bộ_eval_của_dự_án_được_trả_lời_giống_hệt_qua_Qdrant_và_qua_chỉ_mục_nhúng() =>
        await AssertSameAnswersAsync(Path.Combine(Core.RepositoryPaths.FindRoot()!, "eval"), EvalVariant.QuestionPlain);

    private static async Task AssertSameAnswersAsync(string input, params EvalVariant[] variants)
    {
        var sets = EvalSetReader.ReadAll(EvalSetReader.ResolveFiles([input]));
        var options = new EvalOptions(variants);

        EvalReport embedded;
        await using (var assistant = await TestAssistant.CreateAsync())
            embedded = await RunAsync(assistant, sets, options);
        EvalReport qdrant;
        await using (var fake = await FakeQdrant.StartAsync())
        await using (var assistant = await TestAssistant.CreateAsync(
                         settings: new Dictionary<string, string?> { ["Index:Backend"] = "qdrant", ["Qdrant:Url"] = "http://fake-qdrant:6334" },
                         configure: services => TestQdrant.UseFake(services, fake)))
        {
            Assert.Equal("qdrant", assistant.Services.GetRequiredService<ISearchIndex>().Name);
            qdrant = await RunAsync(assistant, sets, options);
        }

        foreach (var run in embedded.Runs)
        {
            var other = qdrant.Find(run.System, run.Variant)!;
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(input)} {run.Variant}: {run.Metrics.Items} items; answer_accuracy embedded {run.Metrics.AnswerAccuracy:F3}, " +
                $"qdrant {other.Metrics.AnswerAccuracy:F3}; evidence_hit@1 {run.Metrics.EvidenceHit1:F3} / {other.Metrics.EvidenceHit1:F3}; " +
                $"refusal_accuracy {run.Metrics.RefusalAccuracy:F3} / {other.Metrics.RefusalAccuracy:F3}"));
            var theirs = other.Items!.ToDictionary(i => i.Id);
            foreach (var mine in run.Items!)
            {
                var their = theirs[mine.Id];
                var context = $"{run.Variant} {mine.Id}: embedded \"{mine.Result?.Answer}\" vs qdrant \"{their.Result?.Answer}\"";
                Assert.True(mine.Ok == their.Ok, context);
                Assert.True(mine.Result?.Answered == their.Result?.Answered && mine.Result?.Answer == their.Result?.Answer, context);
                Assert.True(Cited(mine).SequenceEqual(Cited(their)), $"{context}\ncitations: {string.Join(", ", Cited(mine))} vs {string.Join(", ", Cited(their))}");
                var scores = (mine.Result?.Citations ?? []).Zip(their.Result?.Citations ?? [], (a, b) => Math.Abs(a.Score - b.Score) <= 1e-4 * Math.Max(1, Math.Abs(a.Score)));
                Assert.True(scores.All(same => same), $"{context}: citation scores differ");
            }
            Assert.Equal(run.Metrics.AnswerAccuracy, other.Metrics.AnswerAccuracy);
            Assert.Equal(run.Metrics.EvidenceHit5, other.Metrics.EvidenceHit5);
        }
    }

    private static IEnumerable<string> Cited(ItemReport item) =>
        (item.Result?.Citations ?? []).Select(c => $"{c.ChunkId} «{c.Quote}»");

    private static async Task<EvalReport> RunAsync(TestAssistant assistant, IReadOnlyList<EvalSet> sets, EvalOptions options) =>
        (await new EvalSession(assistant.Services, _ => throw new InvalidOperationException("no ablation here")).RunAsync(sets, options, Ct)).Report;
}
