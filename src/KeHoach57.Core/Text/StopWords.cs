namespace KeHoach57.Core.Text;

/// <summary>
/// Folded words that carry the shape of a question, Vietnamese grammar or chat manners rather than its
/// topic (stopwords.tsv beside this file, embedded). They still count in phrases (bigrams) but weigh little alone.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = Load();

    public static bool Contains(string term) => Words.Contains(term);

    private static HashSet<string> Load()
    {
        using var stream = typeof(StopWords).Assembly.GetManifestResourceStream("KeHoach57.Core.Text.stopwords.tsv")
            ?? throw new InvalidOperationException("stopwords.tsv is not embedded");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in DataLines.Read(reader.ReadToEnd()))
        {
            var word = line.Fields[0];
            if (word != VietnameseText.Fold(word) || word.Contains(' '))
                throw new InvalidDataException($"stopwords.tsv:{line.Number}: \"{word}\" must be one folded word");
            words.Add(word);
        }
        return words;
    }
}
