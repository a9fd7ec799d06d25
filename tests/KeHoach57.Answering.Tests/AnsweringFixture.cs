using KeHoach57.Answering.Asks;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Selection;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Ranking;
using KeHoach57.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(KeHoach57.Answering.Tests.AnsweringFixture))]

namespace KeHoach57.Answering.Tests;

/// <summary>The real answering stack over the repository's corpus, built once for every spec in this assembly.</summary>
public sealed class AnsweringFixture : IAsyncLifetime
{
    private TestAssistant _test = null!;

    public IServiceProvider Services => _test.Services;

    /// <summary>The stack's own data folder (index, kept readings), a temporary one.</summary>
    public string DataPath => _test.DataPath;

    public async ValueTask InitializeAsync() =>
        _test = await TestAssistant.CreateAsync(settings: new Dictionary<string, string?> { ["Answering:CacheSize"] = "0" });

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public QuestionFacts Read(string question) => Get<QuestionReader>().Read(question);

    public Task<AnswerRecord> Ask(string question, string? scope = null, PreviousTurn? previous = null) =>
        _test.Assistant.AskAsync(new AskRequest(question, scope, previous), TestContext.Current.CancellationToken);

    /// <summary>A clause of its own, as if a plan said only this (a table row when <paramref name="context"/> is given).</summary>
    /// <summary>A weighed (clause, value) pair with every feature at its plain value but the score and the year fit, for what is
    /// worked out from pairs (the runner-up, agreement across passages).</summary>
    public static Choice Choice(Clause clause, AskKind kind, string value, double score = 1, double yearFit = 0) =>
        new(clause, new RankedPassage(clause.Chunk, 1, new PassageFeatures(1, 1, 0, 1)),
            [new Candidate(kind, value, 0, value.Length, 1)], score, new PairFeatures(1, 0, 1, 1, 1, 1, 0, yearFit, 0, 0, false));

    public static Clause Clause(string text, string section = "III. Tổ chức thực hiện › 1. Phòng Văn hóa - Xã hội", string? context = null, string doc = "yen-hoa") =>
        new(new Chunk($"{doc}/test", doc, section, text, context is null ? ChunkKind.Text : ChunkKind.TableRow, context ?? ""), text, 0, false);
}
