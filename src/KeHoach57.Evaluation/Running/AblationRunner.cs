using KeHoach57.Conversations;
using KeHoach57.Evaluation.Items;
using KeHoach57.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Evaluation.Running;

/// <summary>
/// Re-runs the eval with one mechanism switched off at a time, each on a fresh service provider built
/// through AddAssistant with configuration overrides, so the measured system is the production one minus
/// exactly one switch. Every variant indexes into its own temporary data folder: the real index is never
/// overwritten, and no variant reads an index another one built.
/// </summary>
public sealed class AblationRunner(Func<IReadOnlyDictionary<string, string?>, ServiceProvider> buildServices, EvalRunner runner)
{
    /// <summary>The reference row: everything on, built the same way as the ablated ones.</summary>
    public const string Full = "full";

    public static readonly IReadOnlyList<string> Switches =
    [
        "Analyzer:Folding", "Analyzer:Bigrams", "Analyzer:Glossary", "Analyzer:OcrRepair", "Analyzer:Dates",
        "Chunking:StructureAware",
        "Ranking:OcrFuzzyMatch", "Ranking:SectionMatch", "Ranking:Proximity", "Ranking:IntentFit", "Ranking:LocalityPrior",
    ];

    public static string SystemName(string? switchKey) => switchKey is null ? $"ablation {Full}" : $"ablation {switchKey}=false";

    /// <summary>The configuration one ablation row runs with.</summary>
    public static Dictionary<string, string?> Overrides(string? switchKey, string dataPath)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Index:DataPath"] = dataPath,
            // A server-side backend has one shared collection; only the embedded index can live in a temp folder.
            ["Index:Backend"] = "embedded",
        };
        if (switchKey is not null) overrides[switchKey] = "false";
        return overrides;
    }

    public async IAsyncEnumerable<EvalRun> RunAsync(
        IReadOnlyList<EvalCase> cases, IReadOnlyList<EvalVariant> variants,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var key in Switches.Prepend(null))
        {
            var dataPath = Path.Combine(Path.GetTempPath(), "kehoach57-ablation-" + Guid.NewGuid().ToString("N"));
            var runs = new List<EvalRun>();
            try
            {
                await using var services = buildServices(Overrides(key, dataPath));
                await services.PrepareAssistantAsync(cancellationToken);
                var target = new AssistantTarget(services.GetRequiredService<ConversationService>(), SystemName(key));
                foreach (var variant in variants)
                    runs.Add(await runner.RunAsync(target, cases, variant, cancellationToken));
            }
            finally
            {
                if (Directory.Exists(dataPath)) Directory.Delete(dataPath, recursive: true);
            }
            foreach (var run in runs) yield return run;
        }
    }
}
