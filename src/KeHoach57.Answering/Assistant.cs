using System.Collections.Concurrent;
using System.Diagnostics;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Pipeline;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering;

/// <summary>
/// Answers one question from the plans: checks the input, resolves a follow-up, understands the question,
/// settles which plans to answer from (a place named in the question overrides the chat's or widget's
/// scope; a place with no plan here is told so), and runs the pipeline once per plan asked about.
/// </summary>
public sealed class Assistant(
    Corpus corpus,
    QuestionReader reader,
    FollowUps followUps,
    AnswerPipeline pipeline,
    SourceLabels labels,
    IOptions<AnsweringOptions> options,
    Llm.LlmPhrasing? phrasing = null)
{
    private readonly AnsweringOptions _options = options.Value;
    private readonly ConcurrentDictionary<(string, string?, string?, bool), AnswerRecord> _answers = new();

    public Corpus Corpus => corpus;

    public CorpusDocument? FindDocument(string id) => corpus.Find(id);

    public string UnknownScopeMessage(string scope) =>
        $"Không có kế hoạch nào mang mã \"{Truncate(scope, 60)}\". Các mã hiện có: {string.Join(", ", corpus.Documents.Select(d => d.Info.Id))}.";

    public async Task<AnswerRecord> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var question = VietnameseText.CollapseSpaces(VietnameseText.Normalize(request.Question ?? "")).Trim();
        if (question.Length == 0)
            return AnswerRecord.Failure("Câu hỏi đang trống. Hãy nhập câu hỏi về kế hoạch, ví dụ: \"Hạn báo cáo 6 tháng là ngày nào?\"");
        if (question.Length > _options.MaxQuestionLength)
            return AnswerRecord.Failure($"Câu hỏi quá dài ({question.Length} ký tự). Hãy hỏi ngắn gọn, tối đa {_options.MaxQuestionLength} ký tự.");
        if (!question.Any(char.IsLetterOrDigit))
            return AnswerRecord.Failure("Câu hỏi không có chữ nào để tìm. Hãy hỏi bằng tiếng Việt, ví dụ: \"Phòng nào chủ trì theo dõi chỉ số DTI?\"");
        string? scope = null;
        if (!string.IsNullOrWhiteSpace(request.Scope))
        {
            if (corpus.Find(request.Scope.Trim()) is not { } doc) return AnswerRecord.Failure(UnknownScopeMessage(request.Scope.Trim()));
            scope = doc.Info.Id;
        }

        var previous = request.Previous;
        var key = (question, scope, previous?.Question, previous?.Answered ?? false);
        if (_options.CacheSize > 0 && _answers.TryGetValue(key, out var cached))
            return cached with { LatencyMs = clock.Elapsed.TotalMilliseconds };

        var facts = reader.Read(question);
        var resolved = followUps.Resolve(question, facts, previous);
        if (resolved != question) facts = reader.Read(resolved);
        // A follow-up that names no place stays with the plan the conversation was answered from.
        if (resolved != question && facts.Places.PlanIds.Count == 0 && scope is null) scope = previous?.DocId;

        var answer = await AnswerAsync(facts, scope, cancellationToken);
        if (answer.Answered && phrasing is not null && await phrasing.RephraseAsync(facts.Question, answer.Line, answer.Citations, cancellationToken) is { } phrased)
            answer = answer with { Line = phrased };
        answer = answer with { LatencyMs = clock.Elapsed.TotalMilliseconds, ResolvedQuestion = resolved, Subject = facts.Subject };
        if (_options.CacheSize > 0)
        {
            // Crude bound: start over when full; repeated questions refill it within moments.
            if (_answers.Count >= _options.CacheSize) _answers.Clear();
            _answers[key] = answer;
        }
        return answer;
    }

    private async Task<AnswerRecord> AnswerAsync(QuestionFacts facts, string? scope, CancellationToken cancellationToken)
    {
        if (facts.Places.Unindexed.Count > 0)
        {
            var place = facts.Places.Unindexed[0];
            var reason = $"Chưa có kế hoạch nào của {place} trong hệ thống. Các kế hoạch hiện có: {string.Join("; ", corpus.Documents.Select(d => labels.Plan(d.Info.Id)))}.";
            return new AnswerRecord(false, reason, null, facts.Primary, [], reason) { PlanId = scope };
        }
        var named = facts.Places.PlanIds;
        if (named.Count >= 2) return await EachPlanAsync(facts, named, cancellationToken);
        var docs = named.Count == 1 ? named : scope is null ? null : new[] { scope };
        return await pipeline.RunAsync(facts, docs, cancellationToken);
    }

    /// <summary>"Xã Yên Hòa và tỉnh Hưng Yên … mỗi nơi trước ngày nào?": the question asked of each plan, each answer with its own source.</summary>
    private async Task<AnswerRecord> EachPlanAsync(QuestionFacts facts, IReadOnlyList<string> plans, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        var values = new List<string>();
        var citations = new List<Citation>();
        var nearest = new List<Citation>();
        var answered = 0;
        var each = new List<(string DocId, AnswerRecord Record)>();
        foreach (var docId in plans) each.Add((docId, await pipeline.RunAsync(facts, [docId], cancellationToken)));
        // One plan's answer stands: the thing asked is one the plans state, and each other plan's best answer needs less to stand.
        var bar = _options.ComparisonSideThreshold;
        if (bar < 1 && each.Any(e => e.Record.Answered))
            for (var i = 0; i < each.Count; i++)
                if (!each[i].Record.Answered && each[i].Record.Confidence >= bar)
                    each[i] = (each[i].DocId, await pipeline.RunAsync(facts, [each[i].DocId], cancellationToken, bar));
        foreach (var (docId, one) in each)
        {
            var name = corpus.Find(docId)!.Info.Locality is { Length: > 0 } locality ? locality : labels.Plan(docId);
            if (!one.Answered || one.Value is null)
            {
                // Not found is all the assistant knows: saying the plan does not state it would be a claim of its own.
                parts.Add($"{Capitalize(name)}: chưa tìm thấy đoạn nêu rõ");
                if (one.Citations.Count > 0) nearest.Add(one.Citations[0]);
                continue;
            }
            answered++;
            parts.Add($"{Capitalize(name)}: {one.Value}");
            values.Add(one.Value);
            if (one.Citations.Count > 0) citations.Add(one.Citations[0]);
        }
        var line = string.Join("; ", parts) + ".";
        return answered == 0
            // Like any refusal, it offers each plan's nearest passage to read for oneself.
            ? new AnswerRecord(false, "Không tìm thấy đoạn nào nêu rõ thông tin này trong các kế hoạch được hỏi. Dưới đây là đoạn gần nhất của mỗi kế hoạch để bạn tự đối chiếu.", null, facts.Primary, nearest.Take(_options.MaxCitations).ToList(), "Không kế hoạch nào trong số được hỏi có đoạn nêu rõ thông tin này.")
            : new AnswerRecord(true, line, string.Join("; ", values), facts.Primary, citations.Take(_options.MaxCitations).ToList()) { Confidence = 1 };
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0]) + s[1..];

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
