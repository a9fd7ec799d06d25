using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Evaluation.Restoration;

/// <summary>One line to restore and its hand-restored (or original clean) form.</summary>
public sealed record RestorationLine(string Source, string Gold, string Origin = "");

/// <summary>
/// Syllable-by-syllable comparison of a restorer's output with the gold text. A syllable is a unit of
/// the source that holds a letter (numbers are not counted). Correct: equal to gold ignoring case and
/// the two spellings of tone placement ("hoá"/"hóa"); letters right: equal after folding.
/// </summary>
public sealed class RestorationScore
{
    public int Syllables { get; private set; }
    public int Correct { get; private set; }
    public int LettersRight { get; private set; }
    public int ChangedWrong { get; private set; }
    public int UnchangedWrong { get; private set; }
    public int Changed { get; private set; }

    public double Accuracy => Rate(Correct);
    public double FoldedAccuracy => Rate(LettersRight);
    public double ChangedWrongRate => Rate(ChangedWrong);
    public double UnchangedWrongRate => Rate(UnchangedWrong);

    private double Rate(int n) => Syllables == 0 ? 0 : (double)n / Syllables;

    /// <summary>Adds one syllable: what the source had, what the restorer wrote, what gold says.</summary>
    public void Add(string source, string restored, string gold)
    {
        Syllables++;
        var changed = !string.Equals(source, restored, StringComparison.Ordinal);
        var correct = Same(restored, gold);
        if (changed) Changed++;
        if (correct) Correct++;
        else if (changed) ChangedWrong++;
        else UnchangedWrong++;
        if (VietnameseText.Fold(restored) == VietnameseText.Fold(gold)) LettersRight++;
    }

    public static bool Same(string a, string b) =>
        string.Equals(VietnameseText.NormalizeTonePlacement(a.ToLowerInvariant()), VietnameseText.NormalizeTonePlacement(b.ToLowerInvariant()), StringComparison.Ordinal);

    /// <summary>
    /// Scores a restorer that rewrites whole strings, on lines whose source and gold read into the
    /// same number of units; the output's units are paired with the source's (by position when the
    /// counts agree, else by an alignment that prefers equal folded letters).
    /// </summary>
    public static RestorationScore Of(IEnumerable<RestorationLine> lines, Func<string, string> restore, VietnameseAnalyzer analyzer) =>
        Score(lines, analyzer, (line, source) => Pair(source, Units(restore(line.Source), analyzer)));

    /// <summary>Scores <see cref="SyllableRestorer.Analyze"/> directly, span by span.</summary>
    public static RestorationScore Of(IEnumerable<RestorationLine> lines, SyllableRestorer restorer, VietnameseAnalyzer analyzer) =>
        Of(lines, line => restorer.Analyze(line.Source), analyzer);

    /// <summary>Scores each line's words as <paramref name="analyze"/> restores them, span by span (a gate tried on decodings made once).</summary>
    public static RestorationScore Of(IEnumerable<RestorationLine> lines, Func<RestorationLine, IEnumerable<RestoredSyllable>> analyze, VietnameseAnalyzer analyzer) =>
        Score(lines, analyzer, (line, _) => analyze(line).Select(s => (string?)s.Restored).ToArray());

    private static RestorationScore Score(IEnumerable<RestorationLine> lines, VietnameseAnalyzer analyzer, Func<RestorationLine, List<Unit>, string?[]> restored)
    {
        var score = new RestorationScore();
        foreach (var line in lines)
        {
            var source = Units(line.Source, analyzer);
            var gold = Units(line.Gold, analyzer);
            if (source.Count != gold.Count)
                throw new FormatException($"{line.Origin}: the gold line reads as {gold.Count} words, the source as {source.Count}: \"{line.Gold}\"");
            var output = restored(line, source);
            for (var i = 0; i < source.Count; i++)
                if (source[i].Kind != UnitKind.Number)
                    score.Add(source[i].Text, output[i] ?? string.Empty, gold[i].Text);
        }
        return score;
    }

    public readonly record struct Unit(string Text, UnitKind Kind);

    public static List<Unit> Units(string text, VietnameseAnalyzer analyzer) =>
        SyllableReader.Read(text, analyzer).Select(u => new Unit(text[u.Start..u.End], u.Kind)).ToList();

    private static string?[] Pair(List<Unit> source, List<Unit> output)
    {
        var paired = new string?[source.Count];
        if (source.Count == output.Count)
        {
            for (var i = 0; i < source.Count; i++) paired[i] = output[i].Text;
            return paired;
        }
        // Edit alignment: a pair with the same folded letters costs nothing, any other pair half a gap.
        var n = source.Count;
        var m = output.Count;
        var d = new double[n + 1, m + 1];
        for (var i = 1; i <= n; i++) d[i, 0] = i;
        for (var j = 1; j <= m; j++) d[0, j] = j;
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= m; j++)
            {
                var sub = VietnameseText.Fold(source[i - 1].Text) == VietnameseText.Fold(output[j - 1].Text) ? 0 : 0.5;
                d[i, j] = Math.Min(d[i - 1, j - 1] + sub, Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1));
            }
        for (int i = n, j = m; i > 0;)
        {
            if (j > 0 && d[i, j] == d[i - 1, j - 1] + (VietnameseText.Fold(source[i - 1].Text) == VietnameseText.Fold(output[j - 1].Text) ? 0 : 0.5))
            {
                paired[i - 1] = output[j - 1].Text;
                i--;
                j--;
            }
            else if (j > 0 && d[i, j] == d[i, j - 1] + 1) j--;
            else i--;
        }
        return paired;
    }
}
