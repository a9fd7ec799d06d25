using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Tests;

/// <summary>Runs the team's score.py (found beside the checkout) or skips the calling test saying why.</summary>
internal static class ReferenceScorer
{
    public static string ScriptOrSkip() =>
        SharedFolder.Find(Path.Combine("tools", "score.py"))
        ?? throw SkipException("shared/tools/score.py không có cạnh thư mục repo (CI đặt nó ở ../shared): bỏ qua so sánh trực tiếp với score.py");

    public static JsonObject Json(string items, string results) =>
        JsonNode.Parse(Run(ScriptOrSkip(), items, results, "--json"))!.AsObject();

    /// <summary>The "failures:" line of the text output, as (id, reason) pairs.</summary>
    public static List<(string Id, string Reason)> Failures(string items, string results)
    {
        var output = Run(ScriptOrSkip(), items, results);
        return ParseFailures(output.Split('\n').Single(l => l.StartsWith("failures:")));
    }

    /// <summary>"failures: yh-002(answer) na-002(should refuse)": reasons may hold spaces, ids do not.</summary>
    public static List<(string Id, string Reason)> ParseFailures(string line) =>
        Regex.Matches(line, @"(\S+?)\(([^)]*)\)").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    /// <summary>Every figure and the per_type breakdown of score.py's --json output against the Scorer's.</summary>
    public static void AssertSameFigures(JsonObject expected, Metrics metrics)
    {
        Assert.Equal(expected["items"]!.GetValue<int>(), metrics.Items);
        Assert.Equal(expected["missing"]!.GetValue<int>(), metrics.Missing);
        foreach (var name in Metrics.FigureNames)
            Assert.True(Equals(expected[name]?.GetValue<double>(), metrics.Figure(name)),
                $"{name}: score.py {expected[name]?.ToJsonString() ?? "null"}, Scorer {metrics.Figure(name)?.ToString("R") ?? "null"}");
        Assert.Equal(expected["per_type"]!.AsObject().Select(kv => (kv.Key, kv.Value!.GetValue<string>())), metrics.PerType.Select(kv => (kv.Key, kv.Value)));
    }

    private static string Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        Process process;
        try { process = Process.Start(start)!; }
        catch (Win32Exception) { throw SkipException("python3 không có trên máy: bỏ qua so sánh trực tiếp với score.py"); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"score.py lỗi ({process.ExitCode}): {stderr}");
            return stdout.Result;
        }
    }

    private static Exception SkipException(string reason)
    {
        Assert.Skip(reason);
        return new UnreachableException();
    }
}
