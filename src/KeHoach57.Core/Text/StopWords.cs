namespace KeHoach57.Core.Text;

/// <summary>
/// Folded words that carry the shape of a question, Vietnamese grammar or chat manners rather than its
/// topic (stopwords.tsv beside this file, embedded). They still count in phrases (bigrams) but weigh little alone.
/// Folding merges syllables: "báo" and "bao", "lực" and "lúc" are one folded word, so where a stop syllable forms
/// a two-syllable word with its neighbour (stopword-compounds.tsv) it is part of the topic there.
/// A few chat words fold onto topic words ("làm" onto "lâm", "hỏi" onto "hội", the particle "nha" onto "nhà"): those rows
/// are marked "typed" and count only as typed with exactly their marks (<see cref="TypedAsStop"/>).
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> TypedKeys = new(StringComparer.Ordinal);

    private static readonly HashSet<string> Words = Load();

    private static readonly HashSet<(string, string)> Compounds = LoadCompounds();

    public static bool Contains(string term) => Words.Contains(term);

    /// <summary>
    /// Whether <paramref name="surface"/>, as typed in a question written with diacritics, is a chat word of the "typed"
    /// rows ("làm", "muốn", "hỏi", "nha"): typed so it says nothing of the topic, while "lâm", "hội", "nhà" do.
    /// </summary>
    public static bool TypedAsStop(string surface) => TypedKeys.Contains(VietnameseText.MarkKey(surface));

    /// <summary>For each of <paramref name="terms"/> (folded words in order): whether it is a stop word where it stands.</summary>
    public static bool[] Mask(IReadOnlyList<string> terms)
    {
        var stop = new bool[terms.Count];
        for (var i = 0; i < terms.Count; i++)
            stop[i] = Words.Contains(terms[i])
                && !(i > 0 && Compounds.Contains((terms[i - 1], terms[i])))
                && !(i + 1 < terms.Count && Compounds.Contains((terms[i], terms[i + 1])));
        return stop;
    }

    /// <summary>The words of <paramref name="terms"/> that are not stop words where they stand, in order.</summary>
    public static List<string> Content(IReadOnlyList<string> terms)
    {
        var stop = Mask(terms);
        return terms.Where((_, i) => !stop[i]).ToList();
    }

    private static HashSet<(string, string)> LoadCompounds()
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var line in DataLines.Read(DataLines.ReadEmbedded(typeof(StopWords).Assembly, "KeHoach57.Core.Text.stopword-compounds.tsv")))
        {
            var parts = line.Fields[0].Split(' ');
            if (parts.Length != 2 || line.Fields[0] != VietnameseText.Fold(line.Fields[0]) || Words.Contains(parts[0]) == Words.Contains(parts[1]))
                throw new InvalidDataException($"stopword-compounds.tsv:{line.Number}: \"{line.Fields[0]}\" must be two folded words, exactly one of them a stop word");
            pairs.Add((parts[0], parts[1]));
        }
        return pairs;
    }

    private static HashSet<string> Load()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in DataLines.Read(DataLines.ReadEmbedded(typeof(StopWords).Assembly, "KeHoach57.Core.Text.stopwords.tsv")))
        {
            var word = line.Fields[0];
            if (word.Contains(' ') || word.Length == 0)
                throw new InvalidDataException($"stopwords.tsv:{line.Number}: \"{word}\" must be one word");
            if (line.Field(2) == "typed")
            {
                TypedKeys.Add(VietnameseText.MarkKey(word));
                continue;
            }
            if (line.Field(2).Length > 0)
                throw new InvalidDataException($"stopwords.tsv:{line.Number}: third column must be \"typed\" or empty, not \"{line.Field(2)}\"");
            if (word != VietnameseText.Fold(word))
                throw new InvalidDataException($"stopwords.tsv:{line.Number}: \"{word}\" must be folded (or marked \"typed\")");
            words.Add(word);
        }
        return words;
    }
}
