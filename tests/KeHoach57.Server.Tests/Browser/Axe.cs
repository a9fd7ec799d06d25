using System.Text.Json;
using Microsoft.Playwright;

namespace KeHoach57.Server.Tests.Browser;

/// <summary>One rule axe found broken, with how bad it is and where.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public bool IsSeriousOrWorse => Impact is "serious" or "critical";

    public override string ToString() => $"{Impact} {Id}: {Help} — {string.Join(", ", Targets.Take(5))}";
}

/// <summary>
/// Runs axe-core (vendored under Browser/axe, MPL-2.0) in the page against WCAG 2.0/2.1/2.2 A and AA and axe's best
/// practices. Shadow roots (the widget's) are checked too. The script is evaluated through the DevTools protocol,
/// so the pages' strict Content-Security-Policy needs no exception.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js")));

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Script.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => JSON.stringify((await axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
              resultTypes: ['violations']
            })).violations.map(v => ({ id: v.id, impact: v.impact || 'minor', help: v.help,
              targets: v.nodes.map(n => JSON.stringify(n.target)) })))
            """);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}
