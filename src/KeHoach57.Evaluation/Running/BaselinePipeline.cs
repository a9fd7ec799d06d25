using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;

namespace KeHoach57.Evaluation.Running;

/// <summary>
/// The naive pipeline the assistant is measured against: fixed 500-character windows over each document's
/// body, lower-cased whitespace tokens (no folding, no OCR repair, no bigrams, no glossary), plain BM25, and
/// the top window's text as the answer. Every point the assistant scores above it is bought by a mechanism.
/// </summary>
public sealed class BaselinePipeline : IAnsweringTarget
{
    public const string SystemName = "baseline";
    public const int WindowChars = 500;
    private const int MaxCitations = 5;
    private const double K1 = 1.2;
    private const double B = 0.75;

    public sealed record Window(string Doc, string Title, int Ordinal, string Text, IReadOnlyDictionary<string, int> TermCounts, int Length);

    private readonly Corpus _corpus;
    private readonly IReadOnlyList<Window> _windows;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public BaselinePipeline(Corpus corpus)
    {
        _corpus = corpus;
        _windows = corpus.Documents.SelectMany(Cut).ToList();
        foreach (var term in _windows.SelectMany(w => w.TermCounts.Keys))
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        _averageLength = _windows.Count == 0 ? 1 : _windows.Average(w => w.Length);
    }

    public string Name => SystemName;

    public IReadOnlyList<Window> Windows => _windows;

    public static IReadOnlyList<string> Tokenize(string text) =>
        text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The document's text after its front matter: metadata is not content either pipeline may quote.</summary>
    public static string Body(string markdown)
    {
        var text = markdown.ReplaceLineEndings("\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) return text;
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0) return text;
        var next = text.IndexOf('\n', end + 4);
        return next < 0 ? "" : text[(next + 1)..];
    }

    private static IEnumerable<Window> Cut(CorpusDocument doc)
    {
        var body = Body(doc.Markdown);
        for (int start = 0, n = 0; start < body.Length; start += WindowChars, n++)
        {
            var text = body.Substring(start, Math.Min(WindowChars, body.Length - start));
            var tokens = Tokenize(text);
            yield return new Window(doc.Info.Id, doc.Info.Title, n, text,
                tokens.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), tokens.Count);
        }
    }

    public Task<AnswerRecord> AskAsync(string question, string? scope, string? conversationId, CancellationToken cancellationToken)
    {
        CorpusDocument? scoped = null;
        if (!string.IsNullOrWhiteSpace(scope) && (scoped = _corpus.Find(scope.Trim())) is null)
            return Task.FromResult(AnswerRecord.Failure($"Không có kế hoạch nào mang mã \"{scope}\"."));
        var terms = Tokenize(question).Distinct(StringComparer.Ordinal).ToList();
        var hits = _windows
            .Where(w => scoped is null || w.Doc == scoped.Info.Id)
            .Select(w => (Window: w, Score: Score(w, terms)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .Take(MaxCitations)
            .ToList();
        if (hits.Count == 0)
            return Task.FromResult(new AnswerRecord(false, "Không tìm thấy đoạn nào.", null, AskKind.Fact, []));
        var citations = hits.Select(h => new Citation(h.Window.Doc, h.Window.Title, $"cửa sổ {h.Window.Ordinal}",
            h.Window.Text, h.Window.Text, Math.Round(h.Score, 4), $"{h.Window.Doc}/w{h.Window.Ordinal}")).ToList();
        return Task.FromResult(new AnswerRecord(true, hits[0].Window.Text, hits[0].Window.Text, AskKind.Fact, citations) { PlanId = hits[0].Window.Doc });
    }

    private double Score(Window window, IReadOnlyList<string> terms)
    {
        var score = 0.0;
        foreach (var term in terms)
        {
            if (!window.TermCounts.TryGetValue(term, out var tf)) continue;
            score += Bm25.Idf(_windows.Count, _documentFrequency[term]) * Bm25.TermWeight(tf, window.Length, _averageLength, K1, B);
        }
        return score;
    }
}
