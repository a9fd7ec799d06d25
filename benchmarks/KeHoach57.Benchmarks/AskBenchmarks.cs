using BenchmarkDotNet.Attributes;
using KeHoach57.Answering;
using KeHoach57.Core.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Benchmarks;

[MemoryDiagnoser]
public class AskBenchmarks
{
    private ServiceProvider _services = null!;
    private Assistant _assistant = null!;

    [ParamsSource(nameof(Indexes))]
    public int Question { get; set; }

    public static IEnumerable<int> Indexes => Enumerable.Range(0, BenchmarkAssistant.Questions.Length);

    [GlobalSetup]
    public void Setup() => (_services, _assistant) = BenchmarkAssistant.CreateAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public Task<AnswerRecord> Ask()
    {
        var (question, scope) = BenchmarkAssistant.Questions[Question];
        return _assistant.AskAsync(new AskRequest(question, scope));
    }
}
