using System.Text.Json;
using System.Text.RegularExpressions;

namespace KeHoach57.Core.Text.Restoration;

/// <summary>
/// The clean Vietnamese the syllable model learns from, read the same way by the build command that
/// writes the shipped data file and by the held-out measurement: the clean-Unicode plan's paragraphs
/// (front matter and heading anchors removed), the glossary's expansions and the plans' titles,
/// issuers and localities as the corpus front matter writes them.
/// </summary>
public static partial class RestorationTraining
{
    /// <summary>The plan whose text is clean Unicode: the model's clean text.</summary>
    public const string CleanPlan = "bac-giang";

    /// <summary>Paragraphs of a corpus Markdown file: the body's non-empty lines, without "{#anchor}"s.</summary>
    public static List<string> Paragraphs(string markdown)
    {
        var body = FrontMatter().Replace(VietnameseText.Normalize(markdown), string.Empty, 1);
        return body.Split('\n')
            .Select(line => Anchor().Replace(line, string.Empty).Trim())
            .Where(line => line.Length > 0)
            .ToList();
    }

    /// <summary>Deterministic halves for the held-out measurement: even paragraphs to train, odd ones to test.</summary>
    public static (List<string> Train, List<string> HeldOut) Halves(IReadOnlyList<string> paragraphs) =>
        (paragraphs.Where((_, i) => i % 2 == 0).ToList(), paragraphs.Where((_, i) => i % 2 == 1).ToList());

    /// <summary>Title, issuer and locality of every plan but the clean one (whose title is its own first paragraph).</summary>
    public static IEnumerable<string> Titles(string corpusFolder)
    {
        foreach (var file in Directory.EnumerateFiles(corpusFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (Path.GetFileNameWithoutExtension(file) == CleanPlan) continue;
            var match = FrontMatter().Match(VietnameseText.Normalize(File.ReadAllText(file)));
            if (!match.Success) continue;
            foreach (Match field in TitleField().Matches(match.Value))
                yield return field.Groups[1].Value;
        }
    }

    /// <summary>The clean texts besides the clean plan: glossary expansions and plan titles.</summary>
    public static IEnumerable<string> Supplements(string corpusFolder, Glossary glossary) =>
        glossary.Entries.SelectMany(e => e.Expansions).Concat(Titles(corpusFolder));

    /// <summary>The syllables of the word list file (one per line; "~" marks cspell's case-folded duplicates).</summary>
    public static IEnumerable<string> ReadWordList(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('~') && !l.StartsWith('#'));

    /// <summary>The words of @vntk/dictionary's word list (data/Viet74K.txt in the package folder), one per line: "tội phạm", "vật liệu".</summary>
    public static IEnumerable<string> ReadDictionaryWords(string packageFolder) =>
        File.ReadLines(Path.Combine(packageFolder, "data", "Viet74K.txt")).Select(l => l.Trim()).Where(l => l.Length > 0);

    /// <summary>
    /// The running text of @vntk/dictionary (data/dictionary.json: headword → senses): every sense's
    /// definition and each of its examples (joined by "~" in the file, one text each), in file order.
    /// </summary>
    public static IEnumerable<string> ReadDictionaryTexts(string packageFolder)
    {
        using var stream = File.OpenRead(Path.Combine(packageFolder, "data", "dictionary.json"));
        using var json = JsonDocument.Parse(stream);
        var texts = new List<string>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Array) continue;
            foreach (var sense in entry.Value.EnumerateArray())
            {
                if (sense.ValueKind != JsonValueKind.Object) continue;
                if (sense.TryGetProperty("definition", out var definition) && definition.ValueKind == JsonValueKind.String)
                    texts.Add(definition.GetString()!);
                if (sense.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.String)
                    texts.AddRange(example.GetString()!.Split('~', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
        }
        return texts;
    }

    [GeneratedRegex(@"\A---\n.*?\n---\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [GeneratedRegex(@"\s*\{#[^}]*\}")]
    private static partial Regex Anchor();

    [GeneratedRegex(@"^(?:title|issuer|locality):\s*""(.*)""\s*$", RegexOptions.Multiline)]
    private static partial Regex TitleField();
}
