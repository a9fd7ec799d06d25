using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KeHoach57.Server.Telemetry;

/// <summary>
/// The assistant's own instruments, on the meter OpenTelemetry listens to. Tags stay low-cardinality
/// (channel, outcome, scope id): never the question text.
/// </summary>
public sealed class AssistantMetrics
{
    public const string MeterName = "KeHoach57.Assistant";

    private readonly Counter<long> _questions;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _feedback;

    public AssistantMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _questions = meter.CreateCounter<long>("kehoach57.questions", unit: "{question}", description: "Questions asked, by outcome.");
        _latency = meter.CreateHistogram<double>("kehoach57.answer.duration", unit: "ms", description: "Time to answer one question.");
        _feedback = meter.CreateCounter<long>("kehoach57.feedback", unit: "{feedback}", description: "Feedback received, by helpfulness.");
    }

    /// <param name="outcome">"answered", "not_found" or "rejected".</param>
    public void Question(string channel, string outcome, string? scope, double latencyMs)
    {
        var tags = new TagList { { "channel", channel }, { "outcome", outcome }, { "scope", scope ?? "all" } };
        _questions.Add(1, tags);
        if (outcome != "rejected") _latency.Record(latencyMs, tags);
    }

    public void Feedback(bool helpful) => _feedback.Add(1, new KeyValuePair<string, object?>("helpful", helpful));
}
