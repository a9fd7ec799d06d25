using System.Text.RegularExpressions;
using KeHoach57.Answering;
using KeHoach57.Conversations;
using KeHoach57.Core.Documents;
using KeHoach57.Server.Documents;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Ask;

/// <summary>
/// Starter questions for the widget: a curated list for the scope when appsettings has one, otherwise
/// questions made from the scope document's own section titles, so every plan gets sensible starters.
/// </summary>
public sealed partial class SuggestionService(IAssistantSource assistants, IOptions<WidgetOptions> options)
{
    // Asked at each call: the corpus may have been reloaded since.
    private Assistant CurrentAssistant => assistants.Current ?? throw new InvalidOperationException("The assistant has not loaded a corpus yet.");

    public const string DefaultKey = "default";

    /// <summary>The questions, or null when <paramref name="scope"/> names no document.</summary>
    public IReadOnlyList<string>? For(string? scope)
    {
        var widget = options.Value;
        var max = Math.Max(1, widget.MaxSuggestions);
        if (string.IsNullOrWhiteSpace(scope)) return Curated(DefaultKey, max) ?? [];
        var document = CurrentAssistant.FindDocument(scope.Trim());
        if (document is null) return null;
        return Curated(document.Info.Id, max)
            ?? (FromSections(document, max) is { Count: > 0 } generated ? generated : null)
            ?? Curated(DefaultKey, max)
            ?? [];
    }

    public string UnknownScopeMessage(string scope) => CurrentAssistant.UnknownScopeMessage(scope.Trim());

    // Blank entries count as absent, so a deployment can switch a curated list off with empty values.
    private IReadOnlyList<string>? Curated(string key, int max) =>
        options.Value.Suggestions.TryGetValue(key, out var list) && list.Where(q => !string.IsNullOrWhiteSpace(q)).Take(max).ToList() is { Count: > 0 } questions
            ? questions
            : null;

    /// <summary>Section titles spread over the whole document, numbering stripped, each turned into a question.</summary>
    public static IReadOnlyList<string> FromSections(CorpusDocument document, int max)
    {
        var titles = document.Chunks
            .OrderBy(c => c.Ordinal)
            .Select(c => c.Section.Split(DocumentPage.SectionSeparator).Last())
            .Select(t => Numbering().Replace(t, "").Trim().TrimEnd(':', '.', ';'))
            .Where(t => t.Length is >= 6 and <= 70 && !string.Equals(t, document.Info.Title, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var picked = titles.Count <= max ? titles : Enumerable.Range(0, max).Select(i => titles[i * titles.Count / max]).ToList();
        return picked.Select(t => $"Nội dung “{t}” trong kế hoạch là gì?").ToList();
    }

    // "I.", "1.", "1.2.", "a)", "đ)", "-": how the plans number their headings.
    [GeneratedRegex(@"^\s*(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-–•])\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();
}
