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

    /// <summary>The shortest clause, run-on readings included, that holds the stretch [start, end) of the chunk's text.</summary>
    public Clause? Covering(Chunk chunk, int start, int end) =>
        clauses.Of(chunk).Where(c => c.Start <= start && c.Start + c.Text.Length >= end).MinBy(c => c.Text.Length);

    /// <summary>Source text in proper Vietnamese: unit names in canonical form, OCR words read back when certain.</summary>
    public string Display(string source, string planId) => VietnameseText.CollapseSpaces(text.ForAnswer(source, planId)).Trim();

    /// <summary>
    /// Whether text shown to trainees reads as Vietnamese: OCR from a broken font leaves words no reading restores
    /// ("chin luc'c", "dOn d&amp;", "v4i", "nhO", "xir 1"), and a question built mostly on them teaches nothing. A word
    /// counts when it can be a syllable, an acronym or code (DTI, VNeID, 5G, 57-NQ/TW) or a number; the bar leaves room
    /// for one odd word, which a reader guesses from the words around it and the assistant's OCR-tolerant search still
    /// reads. Two are too many however long the text: "dịch vi,i công trực tuyến … trên ứng s thủ tục" asks nothing clear.
    /// </summary>
    public static bool Readable(string shown)
    {
        var words = shown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int counted = 0, readable = 0;
        var last = true;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Trim(Edges);
            if (word.Length == 0) continue;
            counted++;
            // "xir 1" (xử lý), "Từ 1 phủ sóng" (tỷ lệ): a lone "1" right after a word is a lost syllable, not a count.
            var lostSyllable = word == "1" && i > 0 && char.IsLetter(words[i - 1][^1]);
            last = !lostSyllable && ReadableWord(word);
            if (last) readable++;
        }
        // "… sử dụng ph" (the OCR's "ph.n mềm" cut at its dot): a subject that ends in a broken word is cut short.
        return counted > 0 && last && readable >= MinReadable * counted && counted - readable <= MaxBroken;
    }

    public const double MinReadable = 0.85;

    /// <summary>Words that are not Vietnamese a shown text may carry.</summary>
    public const int MaxBroken = 1;

    private static readonly char[] Edges = [',', '.', ';', ':', '(', ')', '"', '“', '”', '…', '-', '–', '+', '•'];

    private static bool ReadableWord(string word)
    {
        if (word.All(c => char.IsDigit(c) || c is '/' or '.' or ',' or '%' or '-')) return true;
        var letters = word.Count(char.IsLetter);
        var capitals = word.Count(char.IsUpper);
        // Acronyms and codes: KH&CN, LGSP, VNeID, 5G, 57-NQ/TW.
        if ((capitals >= 2 || capitals == 1 && word.Any(char.IsDigit)) && (char.IsUpper(word[0]) || char.IsDigit(word[0])) && capitals * 2 >= letters
            && word.All(c => char.IsLetterOrDigit(c) || c is '&' or '-' or '/' or '.')) return true;
        if (letters != word.Length) return false;
        // "nhO", "tMg": a capital after a small letter is the OCR's, not the writer's.
        for (var i = 1; i < word.Length; i++)
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1])) return false;
        return VietnameseSyllables.IsSyllable(word);
    }

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
