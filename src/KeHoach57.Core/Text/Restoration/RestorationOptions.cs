using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KeHoach57.Core.Text.Restoration;

/// <summary>
/// Tunables of restoration. The shipped values are in restoration-options.json (embedded beside the
/// model), written by <c>restoration-eval --tune --write</c>, which fits the channel weight and the
/// confidence gate on the held-out clean text only (never on eval/restoration, which is the check), and
/// read through <see cref="RestorationOptionsValidator"/>: a value out of range stops the load with a
/// message naming it.
/// </summary>
public sealed record RestorationOptions
{
    /// <summary>Below this posterior probability a syllable stays as the source has it: a wrong word is worse than none.</summary>
    public required double MinConfidence { get; init; }
    /// <summary>
    /// The same for a reading that changes letters, not only diacritics ("lai" → "lưới" needs more certainty than "lai" → "lại").
    /// Not fitted by --tune (clean text has no broken letters to mend): set by hand in the file, kept by every refit.
    /// </summary>
    public required double MinLetterConfidence { get; init; }
    /// <summary>The threshold for a reading that no pair of the clean text vouches for on either side: only the unigram chose it.</summary>
    public required double MinUnsupportedConfidence { get; init; }
    /// <summary>
    /// Channel cost of a diacritic the OCR lost ("ho" read as "hồ"): the plans that lost their marks lost them all,
    /// so a plain source word says little for a plain reading; fitted by --tune with the weight.
    /// </summary>
    public required double LostMarkCost { get; init; }
    /// <summary>How much one unit of OCR channel cost weighs against the language model's log-probability.</summary>
    public required double ChannelWeight { get; init; }
    /// <summary>Extra channel cost of any other reading when the source already is a lexicon syllable with its diacritics ("báo", "các").</summary>
    public double MarkedSourceTrust { get; init; } = 0.35;
    /// <summary>Candidates farther than this from the source token are not considered.</summary>
    public double MaxChannelCost { get; init; } = 1.6;
    /// <summary>Readings costlier than the closest one by more than this are dropped.</summary>
    public double MaxCostAboveClosest { get; init; } = 1.2;
    /// <summary>Spellings kept per word, best first.</summary>
    public int MaxCandidates { get; init; } = 10;
    /// <summary>Log-probability of a word the lexicon does not hold ("sandbox", a name): it is kept as written.</summary>
    public double UnknownLogProbability { get; init; } = -11;
    /// <summary>Channel cost of keeping a token that reads as no known syllable.</summary>
    public double KeepCost { get; init; } = 1.2;

    /// <summary>Whether the gate lets a proposed reading through: its posterior reaches the threshold its kind asks for.</summary>
    public bool Accepts(ProposedSyllable proposed) =>
        proposed.Confidence >= Math.Max(proposed.LetterChange ? MinLetterConfidence : MinConfidence, proposed.Supported ? 0 : MinUnsupportedConfidence);

    public const string ResourceName = "KeHoach57.Core.Text.Restoration.restoration-options.json";
    public const string RelativePath = "src/KeHoach57.Core/Text/Restoration/restoration-options.json";

    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads and validates an options file; a malformed or out-of-range file gets a message naming what is wrong.</summary>
    public static RestorationOptions Parse(string json, string origin = "restoration-options.json")
    {
        RestorationOptions? options;
        try
        {
            options = JsonSerializer.Deserialize(json, RestorationJson.Default.RestorationOptions);
        }
        catch (JsonException e)
        {
            throw new OptionsValidationException(origin, typeof(RestorationOptions), [$"{origin}: not valid restoration options ({e.Message})"]);
        }
        if (options is null) throw new OptionsValidationException(origin, typeof(RestorationOptions), [$"{origin}: empty"]);
        var result = new RestorationOptionsValidator().Validate(origin, options);
        if (result.Failed) throw new OptionsValidationException(origin, typeof(RestorationOptions), result.Failures.Select(f => $"{origin}: {f}"));
        return options;
    }

    /// <summary>The file's text for these options, with a note of how they were chosen.</summary>
    public string ToJson(string why)
    {
        var fields = JsonSerializer.SerializeToNode(this, Json)!.AsObject();
        var document = new System.Text.Json.Nodes.JsonObject { ["_why"] = why };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            document[name] = value;
        }
        return document.ToJsonString(Json) + "\n";
    }

    private static readonly Lazy<RestorationOptions> Shipped = new(() =>
        Parse(DataLines.ReadEmbedded(typeof(RestorationOptions).Assembly, ResourceName)));

    /// <summary>The shipped options (restoration-options.json), read and validated once.</summary>
    public static RestorationOptions Default => Shipped.Value;
}

/// <summary>
/// The options file's shape worked out when the project is compiled (as <see cref="RestorationOptions.Parse"/> reads it):
/// by reflection it was worked out again in every process, on its first answer that restores a text (~20–40 ms).
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip)]
[System.Text.Json.Serialization.JsonSerializable(typeof(RestorationOptions))]
internal sealed partial class RestorationJson : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>Checks restoration's options, naming each value that is out of range and what it should be.</summary>
public sealed class RestorationOptionsValidator : IValidateOptions<RestorationOptions>
{
    public ValidateOptionsResult Validate(string? name, RestorationOptions options)
    {
        var failures = new List<string>();
        Probability(options.MinConfidence, nameof(options.MinConfidence));
        Probability(options.MinLetterConfidence, nameof(options.MinLetterConfidence));
        Probability(options.MinUnsupportedConfidence, nameof(options.MinUnsupportedConfidence));
        // Below one half, two readings of the same word could both pass: the gate would no longer mean "sure".
        if (options.MinConfidence is > 0 and < 0.5)
            failures.Add($"MinConfidence must be 0 (no gate, for measuring) or at least 0.5; got {options.MinConfidence}.");
        if (options.MinLetterConfidence < options.MinConfidence)
            failures.Add($"MinLetterConfidence ({options.MinLetterConfidence}) must be at least MinConfidence ({options.MinConfidence}): a change of letters needs more certainty, not less.");
        Positive(options.ChannelWeight, nameof(options.ChannelWeight));
        // Above a wrong mark's cost (0.25) a lost mark would make "hồ" for "ho" dearer than "hổ" for "hồ".
        if (!(options.LostMarkCost is >= 0 and <= 0.25)) failures.Add($"LostMarkCost must be between 0 and 0.25; got {options.LostMarkCost}.");
        Positive(options.MaxChannelCost, nameof(options.MaxChannelCost));
        Positive(options.KeepCost, nameof(options.KeepCost));
        if (!(options.MarkedSourceTrust >= 0)) failures.Add($"MarkedSourceTrust must be 0 or more; got {options.MarkedSourceTrust}.");
        if (!(options.MaxCostAboveClosest >= 0)) failures.Add($"MaxCostAboveClosest must be 0 or more; got {options.MaxCostAboveClosest}.");
        if (options.MaxCandidates < 1) failures.Add($"MaxCandidates must be at least 1; got {options.MaxCandidates}.");
        if (!(options.UnknownLogProbability < 0)) failures.Add($"UnknownLogProbability must be a log-probability below 0; got {options.UnknownLogProbability}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Probability(double value, string field)
        {
            if (!(value is >= 0 and <= 1)) failures.Add($"{field} must be a probability between 0 and 1; got {value}.");
        }

        void Positive(double value, string field)
        {
            if (!(value > 0) || double.IsInfinity(value)) failures.Add($"{field} must be a positive number; got {value}.");
        }
    }
}
