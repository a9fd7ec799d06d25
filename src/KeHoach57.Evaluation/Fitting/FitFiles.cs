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
        var settings = JsonNode.Parse(File.ReadAllText(settingsPath))!.AsObject();
        var w = result.Weights;
        settings["Selection"] = new JsonObject
        {
            ["Passages"] = w.Passages, ["WeakAsk"] = w.WeakAsk, ["Coverage"] = w.Coverage, ["Local"] = w.Local, ["Closeness"] = w.Closeness,
            ["Strength"] = w.Strength, ["Retrieval"] = w.Retrieval, ["RankPenalty"] = w.RankPenalty, ["YearFit"] = w.YearFit,
            ["Secondary"] = w.Secondary, ["RunOnPenalty"] = w.RunOnPenalty,
        };
        Atomic(settingsPath, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var model = result.Calibration with
        {
            Note = $"fitted by `eval fit` on the tune half; cross-validated: accuracy {result.CrossValidated.Accuracy:0.000}, refusal {result.CrossValidated.Refusal:0.000}, risk {result.CrossValidated.Risk:0.000}",
        };
        Atomic(Path.Combine(root, "src", "KeHoach57.Answering", "Grounding", "calibration.json"), JsonSerializer.Serialize(model, CalibrationModel.Json) + "\n");
    }

    private static void Atomic(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
