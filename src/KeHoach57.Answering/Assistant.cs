using System.Diagnostics;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering;

/// <summary>
/// Answers one question from the plans: checks the input, retrieves passages, extracts the answer and
/// cites where it came from; says so when the plans do not answer.
/// </summary>
public sealed class Assistant(Corpus corpus, ISearchIndex index, VietnameseAnalyzer analyzer, IOptions<AnsweringOptions> options)
{
    private readonly AnsweringOptions _options = options.Value;

    public Corpus Corpus => corpus;

    public CorpusDocument? FindDocument(string id) => corpus.Find(id);

    public string UnknownScopeMessage(string scope) =>
        $"Không có kế hoạch nào mang mã \"{Truncate(scope, 60)}\". Các mã hiện có: {string.Join(", ", corpus.Documents.Select(d => d.Info.Id))}.";

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var question = VietnameseText.Normalize(request.Question ?? "").Trim();
        if (question.Length == 0) return Answer.Failure("Câu hỏi đang trống. Hãy nhập câu hỏi về kế hoạch, ví dụ: \"Hạn báo cáo 6 tháng là ngày nào?\"");
        if (question.Length > _options.MaxQuestionLength)
            return Answer.Failure($"Câu hỏi quá dài ({question.Length} ký tự). Hãy hỏi ngắn gọn, tối đa {_options.MaxQuestionLength} ký tự.");
        string? scope = null;
        if (!string.IsNullOrWhiteSpace(request.Scope))
        {
            var doc = corpus.Find(request.Scope.Trim());
            if (doc is null) return Answer.Failure(UnknownScopeMessage(request.Scope.Trim()));
            scope = doc.Info.Id;
        }

        var terms = analyzer.Terms(question).Distinct()
            .Select(t => new WeightedTerm(t, StopWords.Contains(t) ? 0.2f : 1f)).ToList();
        var hits = await index.SearchAsync(new SearchRequest(terms, scope is null ? null : [scope], 5), cancellationToken);
        var citations = hits.Select(h => ToCitation(h, h.Chunk.Text)).ToList();
        if (citations.Count == 0)
            return new Answer(false, "Các kế hoạch không đề cập nội dung này.", [], clock.Elapsed.TotalMilliseconds) { Scope = scope };
        return new Answer(true, citations[0].Quote + " [1]", citations, clock.Elapsed.TotalMilliseconds) { Scope = scope ?? citations[0].Doc };
    }

    private Citation ToCitation(SearchHit hit, string quote) =>
        new(hit.Chunk.DocId, corpus.Find(hit.Chunk.DocId)?.Info.Title ?? hit.Chunk.DocId, hit.Chunk.Section, quote, hit.Chunk.Passage, Math.Round(hit.Score, 4), hit.Chunk.Id);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
