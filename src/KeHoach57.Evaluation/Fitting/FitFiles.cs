using System.Text.Json;
using KeHoach57.Answering.Grounding;

namespace KeHoach57.Evaluation.Fitting;

/// <summary>
/// Where `eval fit --write` stores what it fitted: the calibrator and the selection weights it was fitted with, in
/// one file (src/KeHoach57.Answering/Grounding/calibration.json, embedded), so that no host can pair one with another.
/// </summary>
public static class FitFiles
{
    public const string RelativePath = "src/KeHoach57.Answering/Grounding/calibration.json";

    public static void Write(FitResult result, string root)
    {
        var model = result.Calibration with
        {
            Note = $"fitted by `eval fit` on the tune half; cross-validated: accuracy {result.CrossValidated.Accuracy:0.000}, refusal {result.CrossValidated.Refusal:0.000}, risk {result.CrossValidated.Risk:0.000}",
            Selection = result.Weights,
        };
        Core.AtomicFile.Write(Path.Combine(root, RelativePath), System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(model, CalibrationModel.Json) + "\n"));
    }
}
