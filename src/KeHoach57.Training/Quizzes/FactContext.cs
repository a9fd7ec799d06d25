using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Composition;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>What every fact source reads with: the clauses of a passage, proper-Vietnamese rendering, subject words.</summary>
public sealed class FactContext(ClauseReader clauses, AnswerText text, VietnameseAnalyzer analyzer)
{
    /// <summary>Clauses as written (not their run-on readings, which repeat them).</summary>
    public IEnumerable<Clause> Clauses(Chunk chunk) => clauses.Of(chunk).Where(c => !c.RunOn);

    /// <summary>Source text in proper Vietnamese: unit names in canonical form, OCR words read back when certain.</summary>
    public string Display(string source, string planId) => VietnameseText.CollapseSpaces(text.ForAnswer(source, planId)).Trim();

    /// <summary>
    /// Whether text shown to trainees reads as Vietnamese: OCR from a broken font leaves words no reading restores
    /// ("chin luc'c", "dOn d&amp;"), and a question built on them teaches nothing. Acronyms (DTI, VNeID) count against
    /// it too, so the bar leaves room for a few.
    /// </summary>
    public static bool Readable(string shown) => VietnameseSyllables.Share(shown) is { } share && share >= MinReadable;

    public const double MinReadable = 0.85;

    public IReadOnlySet<string> ContentWords(string text) =>
        analyzer.Tokenize(text).Select(t => t.Term).Where(t => t.Length > 1 && t.Any(char.IsLetter) && !StopWords.Contains(t)).ToHashSet();

    /// <summary>Share of <paramref name="subject"/>'s words that <paramref name="text"/> also has.</summary>
    public double Overlap(IReadOnlySet<string> subject, string text)
    {
        if (subject.Count == 0) return 0;
        var words = analyzer.Tokenize(text).Select(t => t.Term).ToHashSet();
        return (double)subject.Count(words.Contains) / subject.Count;
    }
}
