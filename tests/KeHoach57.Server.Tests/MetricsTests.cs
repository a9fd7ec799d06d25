using System.Diagnostics.Metrics;
using KeHoach57.Server.Telemetry;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Each_question_is_counted_and_its_latency_recorded()
    {
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();
        // Other tests run servers in the same process: only this server's meter (by its IMeterFactory) counts.
        var meterFactory = factory.Services.GetRequiredService<IMeterFactory>();
        var questions = new List<(long Value, string Outcome)>();
        var latencies = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AssistantMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "kehoach57.questions")
                lock (questions) questions.Add((value, (string)tags.ToArray().Single(t => t.Key == "outcome").Value!));
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "kehoach57.answer.duration") lock (latencies) latencies.Add(value);
        });
        listener.Start();

        using (await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion })) { }
        using (await client.PostJsonAsync("/api/ask", new { question = "" })) { }

        Assert.Contains((1L, "answered"), questions);
        Assert.Contains((1L, "rejected"), questions);
        Assert.Single(latencies);
    }
}
