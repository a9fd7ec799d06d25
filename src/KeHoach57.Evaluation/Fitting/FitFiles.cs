using System.Text.Json;
using System.Text.Json.Nodes;
using KeHoach57.Answering.Grounding;

namespace KeHoach57.Evaluation.Fitting;

/// <summary>Where `eval fit --write` stores what it fitted: weights as configuration, the calibrator as its data file.</summary>
public static class FitFiles
{
    public static void Write(FitResult result, string root)
    {
        var settingsPath = Path.Combine(root, "appsettings.json");
        var w = result.Weights;
        var selection = new JsonObject
        {
            ["Passages"] = w.Passages, ["WeakAsk"] = w.WeakAsk, ["Coverage"] = w.Coverage, ["Local"] = w.Local, ["Closeness"] = w.Closeness,
            ["Strength"] = w.Strength, ["Retrieval"] = w.Retrieval, ["RankPenalty"] = w.RankPenalty, ["YearFit"] = w.YearFit,
            ["Secondary"] = w.Secondary, ["RunOnPenalty"] = w.RunOnPenalty,
        };
        Atomic(settingsPath, WithSection(File.ReadAllText(settingsPath), "Selection", selection));
        var model = result.Calibration with
        {
            Note = $"fitted by `eval fit` on the tune half; cross-validated: accuracy {result.CrossValidated.Accuracy:0.000}, refusal {result.CrossValidated.Refusal:0.000}, risk {result.CrossValidated.Risk:0.000}",
        };
        Atomic(Path.Combine(root, "src", "KeHoach57.Answering", "Grounding", "calibration.json"), JsonSerializer.Serialize(model, CalibrationModel.Json) + "\n");
    }

    /// <summary>
    /// The settings text with one flat section replaced (or added at the end) on one line, the rest left as written:
    /// a refit then shows in a diff as the numbers that moved, not as a reformatted file.
    /// </summary>
    public static string WithSection(string settings, string name, JsonObject section)
    {
        var line = $"\"{name}\": {section.ToJsonString().Replace(",\"", ", \"").Replace(":", ": ").Replace("{\"", "{ \"").Replace("}", " }")}";
        var existing = new System.Text.RegularExpressions.Regex($"\"{name}\"\\s*:\\s*\\{{[^{{}}]*\\}}");
        string text;
        if (existing.IsMatch(settings)) text = existing.Replace(settings, line.Replace("$", "$$"), 1);
        else
        {
            var end = settings.LastIndexOf('}');
            text = settings[..end].TrimEnd() + ",\n  " + line + "\n" + settings[end..];
        }
        var parsed = JsonNode.Parse(text)!.AsObject();
        if (parsed[name]!.ToJsonString() != section.ToJsonString())
            throw new InvalidOperationException($"appsettings.json: could not write the {name} section in place");
        return text;
    }

    private static void Atomic(string path, string text) => Core.AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(text));
}
