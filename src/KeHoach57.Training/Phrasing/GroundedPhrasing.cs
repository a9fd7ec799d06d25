using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Llm;
using KeHoach57.Answering.Values;
using KeHoach57.Core;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;
using KeHoach57.Training.Quizzes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace KeHoach57.Training.Phrasing;

/// <summary>
/// Lets the configured language model phrase a quiz stem or a summary's opening, through Semantic Kernel prompt
/// templates kept in prompts/ (rendered by SK, not by string replacement), under the answer path's grounding check
/// (<see cref="LlmPhrasing.IsGrounded"/>: every figure must stand in the deterministic text or the cited clause; and
/// every unit named must be one they name). A stem must also keep the figures it had, stay a question, and not give
/// its answer away. Anything else — no model, an error, a timeout, a failed check — keeps the deterministic text.
/// </summary>
public sealed partial class GroundedPhrasing
{
    private readonly Kernel? _kernel;
    private readonly UnitGazetteer _units;
    private readonly PhrasingOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<KernelFunction?> _stem, _summary;
    private readonly ConcurrentDictionary<string, string> _stems = new();

    public GroundedPhrasing(UnitGazetteer units, IOptions<PhrasingOptions> options, ILogger<GroundedPhrasing> logger, IChatClient? chat = null)
    {
        _units = units;
        _options = options.Value;
        _logger = logger;
        if (_options.Enabled && chat is not null)
        {
            var builder = Kernel.CreateBuilder();
#pragma warning disable SKEXP0001 // IChatClient as SK's chat service: the model configured once for the whole assistant.
            builder.Services.AddSingleton<IChatCompletionService>(chat.AsChatCompletionService());
#pragma warning restore SKEXP0001
            _kernel = builder.Build();
        }
        _stem = new(() => Function(_options.StemPromptPath, "quiz_stem"));
        _summary = new(() => Function(_options.SummaryPromptPath, "summary_intro"));
    }

    public bool IsActive => _kernel is not null;

    [GeneratedRegex(@"\d+(?:[.,/-]\d+)*%?")]
    private static partial Regex Figures();

    /// <summary>The item with its stem phrased by the model when that passes the checks; otherwise the item as built.</summary>
    public async Task<QuizItem> PhraseAsync(QuizItem item, CancellationToken cancellationToken)
    {
        if (_kernel is null || _stem.Value is not { } function) return item;
        if (_stems.TryGetValue(item.Id, out var cached)) return item with { Stem = cached };
        var text = await InvokeAsync(function, new KernelArguments
        {
            ["stem"] = Neutral(item.Stem),
            ["source"] = Neutral(item.Citation.Label),
            ["quote"] = Neutral(Excerpts.OneLine(item.Citation.Quote, 600)),
        }, cancellationToken);
        var phrased = text is not null && StemHolds(item, text) ? text : item.Stem;
        _stems[item.Id] = phrased;
        return item with { Stem = phrased };
    }

    /// <summary>The summary's opening phrased from its facts, or <paramref name="draft"/> when the model is off or unfaithful.</summary>
    public async Task<string> PhraseSummaryAsync(string draft, IReadOnlyList<string> facts, CancellationToken cancellationToken)
    {
        if (_kernel is null || _summary.Value is not { } function) return draft;
        var text = await InvokeAsync(function, new KernelArguments { ["draft"] = Neutral(draft), ["facts"] = Neutral(string.Join("\n", facts.Select(f => "- " + f))) }, cancellationToken);
        return text is not null && Grounded(text, draft, string.Join("\n", facts)) ? text : draft;
    }

    /// <summary>The grounding check for a stem, public so that its rules can be read and tested on their own.</summary>
    public bool StemHolds(QuizItem item, string phrased)
    {
        if (!phrased.EndsWith('?') || phrased.Length > 500) return false;
        if (!Grounded(phrased, item.Stem, item.Citation.Quote)) return false;
        // Figures of the stem (a year, a date, the other plan's value) stay.
        var kept = Figures().Matches(VietnameseText.Fold(phrased)).Select(m => m.Value).ToHashSet();
        if (!Figures().Matches(VietnameseText.Fold(item.Stem)).All(m => kept.Contains(m.Value))) return false;
        // The answer is not given away (unless the stem already said it, as a "which section" stem does).
        var answer = Squash(item.Answer);
        return !Squash(phrased).Contains(answer) || Squash(item.Stem).Contains(answer);
    }

    private bool Grounded(string text, string draft, string evidence)
    {
        var quote = new Citation("", "", "", evidence, evidence, 1, "");
        if (!LlmPhrasing.IsGrounded(text, draft, [quote])) return false;
        var known = _units.Find(draft + "\n" + evidence).Select(m => m.Canonical).ToHashSet();
        return _units.Find(text).All(m => known.Contains(m.Canonical));
    }

    private async Task<string?> InvokeAsync(KernelFunction function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            arguments.ExecutionSettings = new Dictionary<string, PromptExecutionSettings>
            {
                [PromptExecutionSettings.DefaultServiceId] = new() { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0 } },
            };
            var result = await _kernel!.InvokeAsync(function, arguments, timeout.Token);
            var text = VietnameseText.CollapseSpaces(result.GetValue<string>() ?? "").Trim().Trim('"', '“', '”');
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Phrasing by the language model failed; keeping the deterministic text");
            return null;
        }
    }

    /// <summary>
    /// SK HTML-encodes variable values by default, which turns "Yên Hòa" into "Y&amp;#234;n H&amp;#242;a" in the prompt. The
    /// variables are therefore let through as they are (<see cref="InputVariable.AllowDangerouslySetContent"/>) after
    /// this, which escapes only what could open a chat-prompt tag: plan text is imported, not trusted.
    /// </summary>
    private static string Neutral(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private KernelFunction? Function(string path, string name)
    {
        var file = RepositoryPaths.Resolve(path);
        if (!File.Exists(file))
        {
            _logger.LogWarning("Prompt template {Path} not found; phrasing stays off", file);
            return null;
        }
        var template = File.ReadAllText(file);
        var config = new PromptTemplateConfig(template) { Name = name, TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat };
        foreach (Match variable in Regex.Matches(template, @"\{\{\$(\w+)\}\}"))
            if (!config.InputVariables.Any(v => v.Name == variable.Groups[1].Value))
                config.InputVariables.Add(new InputVariable { Name = variable.Groups[1].Value, AllowDangerouslySetContent = true });
        return KernelFunctionFactory.CreateFromPrompt(config);
    }

    private static string Squash(string s) => new(VietnameseText.Fold(s).Where(char.IsLetterOrDigit).ToArray());
}
