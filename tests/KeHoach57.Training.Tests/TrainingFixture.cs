using KeHoach57.Tests.Shared;
using KeHoach57.Training.Quizzes;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(KeHoach57.Training.Tests.TrainingFixture))]

namespace KeHoach57.Training.Tests;

/// <summary>The real stack over the repository's corpus, with its quiz bank built once for every spec here.</summary>
public sealed class TrainingFixture : IAsyncLifetime
{
    private TestAssistant _test = null!;

    public IServiceProvider Services => _test.Services;

    public Answering.Assistant Assistant => _test.Assistant;

    public IReadOnlyList<QuizItem> Items => Get<QuizBank>().All;

    public async ValueTask InitializeAsync() =>
        _test = await TestAssistant.CreateAsync(settings: new Dictionary<string, string?> { ["Answering:CacheSize"] = "0" });

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}
