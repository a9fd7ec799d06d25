using System.Text.RegularExpressions;
using KeHoach57.Core;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Llm;

/// <summary>
/// Lets a language model, when one is configured, rephrase the extractive answer line from the cited
/// clauses only. The model never adds facts: every number, date and document number in its line must
/// stand in the quotes, and every unit it names must be one the extractive answer named; otherwise
/// (or on any error or timeout) the extractive line stays.
/// </summary>
public sealed partial class LlmPhrasing(IChatClient chat, Values.UnitGazetteer units, IOptions<LlmOptions> options, ILogger<LlmPhrasing> logger)
{
    private readonly Lazy<string> _template = new(() =>
    {
        var path = RepositoryPaths.Resolve(options.Value.PromptPath);
        return File.Exists(path) ? File.ReadAllText(path) : "Câu hỏi: {{question}}\nBản nháp: {{draft}}\nĐoạn trích:\n{{quotes}}";
    });

    [GeneratedRegex(@"\d+(?:[.,/-]\d+)*%?")]
    private static partial Regex Figures();

    public async Task<string?> RephraseAsync(string question, string draft, IReadOnlyList<Citation> citations, CancellationToken cancellationToken)
    {
        var quotes = string.Join("\n", citations.Select((c, i) => $"[{i + 1}] {c.Quote}"));
        var prompt = _template.Value.Replace("{{question}}", question).Replace("{{draft}}", draft).Replace("{{quotes}}", quotes);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            var response = await chat.GetResponseAsync(prompt, new ChatOptions { Temperature = 0 }, timeout.Token);
            var line = VietnameseText.CollapseSpaces(response.Text ?? "").Trim();
            if (line.Length == 0 || line.Contains("KHÔNG_RÕ", StringComparison.Ordinal) || line.Length > 400) return null;
            return IsGrounded(line, draft, citations) && NamesOnlyKnownUnits(line, draft, citations) ? line : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Language model rephrasing failed; keeping the extractive answer");
            return null;
        }
    }

    /// <summary>Every figure in the model's line appears in a quote or in the extractive draft.</summary>
    public static bool IsGrounded(string line, string draft, IReadOnlyList<Citation> citations)
    {
        var evidence = VietnameseText.Fold(draft + " " + string.Join(" ", citations.Select(c => c.Quote)));
        var digits = new HashSet<string>(Figures().Matches(evidence).Select(m => Normalize(m.Value)));
        return Figures().Matches(VietnameseText.Fold(line)).All(m => digits.Contains(Normalize(m.Value)));
    }

    /// <summary>Every organisation the model's line names is named in the draft or the quotes.</summary>
    private bool NamesOnlyKnownUnits(string line, string draft, IReadOnlyList<Citation> citations)
    {
        var known = units.Find(draft + "\n" + string.Join("\n", citations.Select(c => c.Quote))).Select(m => m.Canonical).ToHashSet();
        return units.Find(line).All(m => known.Contains(m.Canonical));
    }

    private static string Normalize(string figure) => Regex.Replace(figure.TrimEnd('%'), @"(?<!\d)0+(?=\d)", "");
}
