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

    // Each phrase as written, word by word, its spellings with their marks: the first is the word's proper spelling.
    private readonly Dictionary<string, List<string[][]>> _written = Lists.ToDictionary(l => l, _ => new List<string[][]>());

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
            _written[list].Add(VietnameseText.CollapseSpaces(line.Field(1)).Trim().Split(' ').Select(w => w.Split('/')).ToArray());
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
                "(?:" + Alternation(word.Split('/')) + ")")) + @"(?![\p{L}\d])");
        return "(?:" + string.Join('|', alternatives) + ")";
    }

    /// <summary>
    /// <paramref name="text"/> with each phrase of the list it holds written in its words' proper spellings: the OCR's
    /// "báo cáo hing năm", "báo cáo nim" read "báo cáo hằng năm", "báo cáo năm" (numbers stay as written).
    /// </summary>
    public string Spell(string list, string text)
    {
        var folded = VietnameseText.Fold(text);
        // Spans found in the folded text apply to the text as is only while folding keeps offsets.
        if (folded.Length != text.Length) return text;
        var result = text;
        foreach (var written in _written[list].OrderByDescending(w => w.Length))
        {
            var pattern = @"(?<![\p{L}\d])" + string.Join(@"\s+", written.Select(word =>
                "(" + Alternation(word.Select(VietnameseText.Fold)) + ")")) + @"(?![\p{L}\d])";
            foreach (var match in Regex.Matches(VietnameseText.Fold(result), pattern, RegexOptions.IgnoreCase).Reverse())
                for (var w = written.Length - 1; w >= 0; w--)
                {
                    var group = match.Groups[w + 1];
                    var proper = written[w][0];
                    if (proper == "#" || string.Equals(group.Value, VietnameseText.Fold(proper), StringComparison.OrdinalIgnoreCase)) continue;
                    var spelled = char.IsUpper(result[group.Index]) ? char.ToUpperInvariant(proper[0]) + proper[1..] : proper;
                    result = result[..group.Index] + spelled + result[(group.Index + group.Length)..];
                }
        }
        return result;
    }

    /// <summary>One word's spellings as an alternation over folded text, "#" any number.</summary>
    private static string Alternation(IEnumerable<string> spellings) =>
        string.Join('|', spellings.Select(a => a == "#" ? @"\d+" : Regex.Escape(a)));

    /// <summary>A regular expression made of <paramref name="frame"/> with each "{list}" replaced by the list's alternation.</summary>
    public Regex Build(string frame) => new(Regex.Replace(frame, @"\{([a-z-]+)\}", m => Pattern(m.Groups[1].Value)), RegexOptions.CultureInvariant);
}
