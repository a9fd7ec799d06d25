namespace KeHoach57.Core.Text;

/// <summary>
/// Vietnamese words of several syllables whose syllables do not stand alone where they occur (compounds.tsv beside
/// this file, embedded): "cơ sở" holds no "sở" (Department), "phòng chống" no "phòng" (office). Phrases read
/// syllable by syllable use it to tell where a word begins and ends.
/// </summary>
public sealed class Compounds
{
    private readonly Dictionary<string, List<string[]>> _byFirst = new(StringComparer.Ordinal);

    public Compounds(string tsv, string source = "compounds.tsv")
    {
        foreach (var line in DataLines.Read(tsv))
        {
            var syllables = VietnameseText.Fold(line.Field(0)).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (syllables.Length < 2)
                throw new InvalidDataException($"{source}:{line.Number}: \"{line.Field(0)}\" is one syllable; list words of two or more");
            if (!_byFirst.TryGetValue(syllables[0], out var list)) _byFirst[syllables[0]] = list = [];
            list.Add(syllables);
        }
    }

    public static Compounds Default { get; } = new(DataLines.ReadEmbedded(typeof(Compounds).Assembly, "KeHoach57.Core.Text.compounds.tsv"));

    /// <summary>
    /// For each of <paramref name="folded"/> syllables, the [Start, End) of the compound it belongs to, or null.
    /// The longest compound starting at a syllable wins; a syllable already inside one starts none.
    /// </summary>
    public (int Start, int End)?[] Spans(IReadOnlyList<string> folded)
    {
        var spans = new (int, int)?[folded.Count];
        for (var i = 0; i < folded.Count; i++)
        {
            if (!_byFirst.TryGetValue(folded[i], out var candidates)) continue;
            var best = 0;
            foreach (var c in candidates)
                if (c.Length > best && i + c.Length <= folded.Count && c.Select((s, k) => folded[i + k] == s).All(x => x))
                    best = c.Length;
            if (best == 0) continue;
            for (var k = 0; k < best; k++) spans[i + k] = (i, i + best);
            i += best - 1;
        }
        return spans;
    }
}
