using System.Text.RegularExpressions;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>
/// The word lists the fact sources read the plans by (facts.tsv beside this file), loaded and checked once. Each list
/// becomes a regular-expression alternation over folded text; where it is looked for is the source's own grammar.
/// A bad row stops the start with a message naming its line.
/// </summary>
public sealed class FactCues
{
    /// <summary>The lists the sources read; each must have at least one phrase.</summary>
    public static readonly IReadOnlyList<string> Lists =
        ["due", "completes", "dangling", "between", "joiner", "vague", "period", "report", "duty", "partners", "task-verb", "goal-section", "target-cue", "target-verb"];

    private readonly Dictionary<string, List<string>> _phrases = Lists.ToDictionary(l => l, _ => new List<string>());

    public FactCues(string tsv, string source = "facts.tsv")
    {
        var seen = new HashSet<(string, string)>();
        foreach (var line in DataLines.Read(tsv))
        {
            string Where() => $"{source}:{line.Number}";
            var list = line.Field(0);
            if (!_phrases.TryGetValue(list, out var phrases))
                throw new InvalidDataException($"{Where()}: unknown list \"{list}\" (known: {string.Join(", ", Lists)})");
            var phrase = VietnameseText.CollapseSpaces(VietnameseText.Fold(line.Field(1))).Trim();
            if (phrase.Length == 0) throw new InvalidDataException($"{Where()}: empty phrase");
            if (phrase.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is ' ' or '#' or '/' or '&'))
                || phrase.Split(' ').Any(w => w.Split('/').Any(a => a.Length == 0)))
                throw new InvalidDataException($"{Where()}: \"{line.Field(1)}\": write words, \"#\" for a number and \"a/b\" for spellings of one word");
            if (!seen.Add((list, phrase))) throw new InvalidDataException($"{Where()}: duplicate phrase \"{line.Field(1)}\" in {list}");
            phrases.Add(phrase);
        }
        foreach (var (list, phrases) in _phrases)
            if (phrases.Count == 0) throw new InvalidDataException($"{source}: list \"{list}\" has no phrase");
    }

    public static FactCues Default { get; } = new(DataLines.ReadEmbedded(typeof(FactCues).Assembly, "KeHoach57.Training.Quizzes.facts.tsv"));

    /// <summary>The list as a non-capturing alternation over folded text, longer phrases first, each ending at a word's end.</summary>
    public string Pattern(string list)
    {
        if (!_phrases.TryGetValue(list, out var phrases)) throw new ArgumentException($"facts.tsv has no list \"{list}\"", nameof(list));
        var alternatives = phrases.OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).Select(p =>
            string.Join(@"\s+", p.Split(' ').Select(word =>
                "(?:" + string.Join('|', word.Split('/').Select(a => a == "#" ? @"\d+" : Regex.Escape(a))) + ")")) + @"(?![\p{L}\d])");
        return "(?:" + string.Join('|', alternatives) + ")";
    }

    /// <summary>A regular expression made of <paramref name="frame"/> with each "{list}" replaced by the list's alternation.</summary>
    public Regex Build(string frame) => new(Regex.Replace(frame, @"\{([a-z-]+)\}", m => Pattern(m.Groups[1].Value)), RegexOptions.CultureInvariant);
}
