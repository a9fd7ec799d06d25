using System.Reflection;

namespace KeHoach57.Core.Text;

/// <summary>
/// One abbreviation with its spelled-out forms, or (no abbreviation) words that say one thing in different ways.
/// <see cref="Key"/> is the term both sides emit.
/// </summary>
public sealed record GlossaryEntry(IReadOnlyList<string> Abbreviations, IReadOnlyList<string> Expansions)
{
    public string Key { get; } = "#" + new string(VietnameseText.Fold(Abbreviations.Count > 0 ? Abbreviations[0] : Expansions[0]).Where(char.IsLetterOrDigit).ToArray());
    public string Canonical => Expansions[0];
}

/// <summary>
/// The abbreviation glossary (glossary.tsv beside this file, embedded). Used in both directions:
/// "KH&amp;CN" in a passage and "khoa học và công nghệ" in a question meet on one key term.
/// </summary>
public sealed class Glossary
{
    public IReadOnlyList<GlossaryEntry> Entries { get; }

    public Glossary(IEnumerable<GlossaryEntry> entries) => Entries = entries.ToList();

    public static Glossary Empty { get; } = new([]);

    private static readonly Lazy<Glossary> DefaultGlossary = new(() =>
    {
        using var stream = typeof(Glossary).Assembly.GetManifestResourceStream("KeHoach57.Core.Text.glossary.tsv")
            ?? throw new InvalidOperationException("glossary.tsv is not embedded");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static Glossary Default => DefaultGlossary.Value;

    public static Glossary Load(string path) => Parse(File.ReadAllText(path));

    public static Glossary Parse(string tsv)
    {
        var entries = new List<GlossaryEntry>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length < 2) continue;
            var abbreviations = Split(parts[0]);
            var expansions = Split(parts[1]);
            // A row without an abbreviation names one thing in several words ("thực tiễn|thực tế"): two at least.
            if (abbreviations.Count > 0 ? expansions.Count > 0 : expansions.Count > 1)
                entries.Add(new GlossaryEntry(abbreviations, expansions));
        }
        return new Glossary(entries);

        static List<string> Split(string s) =>
            s.Split('|').Select(x => VietnameseText.Normalize(x).Trim()).Where(x => x.Length > 0).ToList();
    }

    /// <summary>The entry whose abbreviation is <paramref name="abbreviation"/> (diacritics and case ignored).</summary>
    public GlossaryEntry? Find(string abbreviation)
    {
        var folded = VietnameseText.Fold(abbreviation);
        return Entries.FirstOrDefault(e => e.Abbreviations.Any(a => VietnameseText.Fold(a) == folded));
    }
}
