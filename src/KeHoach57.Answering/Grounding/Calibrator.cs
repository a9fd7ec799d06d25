using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeHoach57.Answering.Grounding;

/// <summary>A fitted logistic model over <see cref="ConfidenceFeatures"/>, and the threshold below which the assistant refuses.</summary>
public sealed record CalibrationModel(
    [property: JsonPropertyName("features")] string[] Features,
    [property: JsonPropertyName("weights")] double[] Weights,
    [property: JsonPropertyName("bias")] double Bias,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("fitted_on")] string FittedOn = "",
    [property: JsonPropertyName("note")] string Note = "",
    [property: JsonPropertyName("selection")] Selection.SelectionOptions? Selection = null)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The model at Answering:CalibrationPath (relative to the checkout root), or the embedded one when empty.</summary>
    public static CalibrationModel Load(string? path)
    {
        string json;
        if (!string.IsNullOrWhiteSpace(path))
        {
            var full = Core.RepositoryPaths.Resolve(path);
            if (!File.Exists(full)) throw new FileNotFoundException($"Answering:CalibrationPath \"{path}\" does not exist", full);
            json = File.ReadAllText(full);
        }
        else json = Core.Text.DataLines.ReadEmbedded(typeof(Calibrator).Assembly, "KeHoach57.Answering.Grounding.calibration.json");
        return JsonSerializer.Deserialize(json, CalibrationJson.Default.CalibrationModel) ?? throw new InvalidDataException("calibration model is empty");
    }

    /// <summary>
    /// The model a host runs with, loaded once per stack (the selection weights and the calibrator read it). With
    /// Calibrate off nothing is judged, so a model fitted on other features is set aside for a neutral one: that is
    /// how `eval fit` collects the data to fit a calibrator for features that have just changed.
    /// </summary>
    public static CalibrationModel For(AnsweringOptions options)
    {
        var model = Load(options.CalibrationPath);
        return options.Calibrate || model.Features.SequenceEqual(ConfidenceFeatures.Names)
            ? model
            : new CalibrationModel(ConfidenceFeatures.Names, new double[ConfidenceFeatures.Names.Length], 0, 0, Selection: model.Selection);
    }
}

/// <summary>
/// calibration.json's shape worked out when the project is compiled, with the serializer's default options: by
/// reflection it was worked out again in every process, ~15–25 ms of a fresh process's start.
/// </summary>
[JsonSerializable(typeof(CalibrationModel))]
internal sealed partial class CalibrationJson : JsonSerializerContext;

/// <summary>
/// Turns an answer's features into the probability that it is right, with the model fitted on the tune half
/// of eval/ (calibration.json beside this file, embedded; `eval fit` writes it). Answers below the threshold
/// are refused with the nearest passages: a refusal is acceptable, a confident wrong answer is not.
/// </summary>
public sealed class Calibrator
{
    public CalibrationModel Model { get; }

    public Calibrator(CalibrationModel model)
    {
        if (!model.Features.SequenceEqual(ConfidenceFeatures.Names))
            throw new InvalidDataException($"calibration model features ({string.Join(", ", model.Features)}) differ from the pipeline's ({string.Join(", ", ConfidenceFeatures.Names)}): run `eval fit` again");
        if (model.Weights.Length != model.Features.Length)
            throw new InvalidDataException("calibration model: one weight per feature expected");
        Model = model;
    }

    public double Probability(double[] features)
    {
        var z = Model.Bias;
        for (var i = 0; i < features.Length; i++) z += Model.Weights[i] * features[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <param name="threshold">A lower bar than the model's where the caller knows more than the features do (a comparison's other side).</param>
    public bool Accepts(double probability, double? threshold = null) => probability >= Math.Min(threshold ?? Model.Threshold, Model.Threshold);
}
