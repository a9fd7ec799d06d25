namespace KeHoach57.Training.Phrasing;

/// <summary>
/// Optional phrasing of quiz stems and the summaries' opening prose by the configured language model (section
/// "Training:Phrasing"). Off by default; it also needs a model in the "Llm" section. With it off, or whenever the
/// model's text fails the grounding check, the deterministic text stands.
/// </summary>
public sealed class PhrasingOptions
{
    public const string Section = "Training:Phrasing";

    public bool Enabled { get; set; }

    /// <summary>SK prompt templates (semantic-kernel format, {{$variable}}), relative to the checkout root.</summary>
    public string StemPromptPath { get; set; } = "prompts/quiz-stem.txt";

    public string SummaryPromptPath { get; set; } = "prompts/summary-intro.txt";

    [System.ComponentModel.DataAnnotations.Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;
}
