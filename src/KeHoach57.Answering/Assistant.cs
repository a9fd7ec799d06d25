using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Extraction;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Query;
using KeHoach57.Retrieval.Ranking;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering;

/// <summary>
/// Answers one question from the plans: checks the input, settles the scope (given, named in the
/// question, or carried from the previous turn), retrieves passages, extracts the answer and cites the
/// clause it came from. When the plans do not answer, it says so and shows the closest passages.
/// </summary>
public sealed partial class Assistant(
    Corpus corpus,
    Retriever retriever,
    QuestionAnalyzer questions,
    AnswerExtractor extractor,
    AnswerComposer composer,
    UnitGazetteer units,
    IOptions<AnsweringOptions> options,
    IOptions<RankingOptions> ranking,
    Llm.LlmPhrasing? phrasing = null)
{
    private readonly AnsweringOptions _options = options.Value;
    private readonly ConcurrentDictionary<(string, Ask), double> _fit = new();
    private readonly ConcurrentDictionary<(string Question, string? Scope, string? Previous, string? PreviousDoc), Answer> _answers = new();

    public Corpus Corpus => corpus;

    public CorpusDocument? FindDocument(string id) => corpus.Find(id);

    public string UnknownScopeMessage(string scope) =>
        $"Không có kế hoạch nào mang mã \"{Truncate(scope, 60)}\". Các mã hiện có: {string.Join(", ", corpus.Documents.Select(d => d.Info.Id))}.";

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var question = VietnameseText.CollapseSpaces(VietnameseText.Normalize(request.Question ?? "")).Trim();
        if (question.Length == 0)
            return Answer.Failure("Câu hỏi đang trống. Hãy nhập câu hỏi về kế hoạch, ví dụ: \"Hạn báo cáo 6 tháng là ngày nào?\"");
        if (question.Length > _options.MaxQuestionLength)
            return Answer.Failure($"Câu hỏi quá dài ({question.Length} ký tự). Hãy hỏi ngắn gọn, tối đa {_options.MaxQuestionLength} ký tự.");
        if (!question.Any(char.IsLetterOrDigit))
            return Answer.Failure("Câu hỏi không có chữ nào để tìm. Hãy hỏi bằng tiếng Việt, ví dụ: \"Phòng nào chủ trì theo dõi chỉ số DTI?\"");
        string? scope = null;
        if (!string.IsNullOrWhiteSpace(request.Scope))
        {
            var doc = corpus.Find(request.Scope.Trim());
            if (doc is null) return Answer.Failure(UnknownScopeMessage(request.Scope.Trim()));
            scope = doc.Info.Id;
        }

        var key = (question, scope, request.Previous?.Question, request.Previous?.DocId);
        if (_options.CacheSize > 0 && _answers.TryGetValue(key, out var cached))
            return cached with { LatencyMs = clock.Elapsed.TotalMilliseconds };

        var resolved = question;
        var analysis = questions.Analyze(question);
        if (request.Previous is { } previous && FollowUpResolver.IsFollowUp(question))
        {
            resolved = analysis.LocalityDocs.Count > 0
                ? questions.Topic(previous.Question) + " " + question
                : FollowUpResolver.Resolve(question, previous.Question);
            analysis = questions.Analyze(resolved);
            scope ??= analysis.LocalityDocs.Count == 0 ? previous.DocId : null;
        }

        var answer = scope is null && analysis.LocalityDocs.Count > 1 && ranking.Value.LocalityPrior
            ? await AnswerForEachLocalityAsync(analysis, cancellationToken)
            : await AnswerAsync(analysis, scope, cancellationToken);
        answer = answer with { LatencyMs = clock.Elapsed.TotalMilliseconds, ResolvedQuestion = resolved, Body = AnswerComposer.Body(answer.Markdown) };
        if (_options.CacheSize > 0)
        {
            // Crude bound: start over when full; repeated questions refill it within moments.
            if (_answers.Count >= _options.CacheSize) _answers.Clear();
            _answers[key] = answer;
        }
        return answer;
    }

    private async Task<Answer> AnswerAsync(QuestionAnalysis analysis, string? scope, CancellationToken cancellationToken)
    {
        var docs = scope is not null ? [scope]
            : analysis.NamedDocument is { } named ? [named]
            : analysis.LocalityDocs.Count == 1 && ranking.Value.LocalityPrior ? analysis.LocalityDocs : null;
        // Once the named locality has picked the document, its name only adds noise to the search.
        var searchText = docs is not null && analysis.LocalityDocs.Count > 0 ? analysis.Topic : analysis.Text;
        var (query, passages, extracted) = await FindAsync(searchText, analysis, docs, cancellationToken);
        var chosenDoc = extracted?.Chunk.DocId ?? passages.FirstOrDefault()?.Chunk.DocId;

        if (analysis.AsksAboutTheDocument && docs is { Count: 1 })
            return AboutTheDocument(analysis, corpus.Find(docs[0])!, passages);

        var refusal = RefusalReason(analysis, extracted);
        if (Environment.GetEnvironmentVariable("KH57_TRACE") == "1") Console.Error.WriteLine($"TRACE\t{analysis.Text}\t{string.Join(",", analysis.Asks)}\t{extracted?.Support:F3}\t{extracted?.Parts.Count}");
        if (refusal is not null || extracted is null)
        {
            var closest = passages.Take(3).Select(p => Cite(p, BestClause(p.Chunk, query))).ToList();
            return new Answer(false, composer.Refusal(closest, refusal), closest) { Scope = scope };
        }

        var grounded = Grounded(extracted);
        var citations = Citations(grounded, passages, query);
        var lead = composer.Lead(grounded);
        if (phrasing is not null && await phrasing.RephraseAsync(analysis.Text, lead, citations.Take(3).ToList(), cancellationToken) is { } phrased)
            lead = phrased;
        var name = scope is null ? corpus.Find(extracted.Chunk.DocId)?.Info.ShortName : null;
        return new Answer(true, composer.Answer(lead, grounded, name, citations), citations) { Scope = scope ?? chosenDoc };
    }

    /// <summary>"Xã Trường Giang và xã Yên Hòa, nơi nào …?": the same question asked of each plan, each answer with its own source.</summary>
    private async Task<Answer> AnswerForEachLocalityAsync(QuestionAnalysis analysis, CancellationToken cancellationToken)
    {
        var lines = new List<(string, string, int)>();
        var citations = new List<Citation>();
        var topic = analysis with { Text = analysis.Topic };
        foreach (var docId in analysis.LocalityDocs)
        {
            var doc = corpus.Find(docId)!;
            var label = string.IsNullOrEmpty(doc.Info.Locality) ? doc.Info.Title : doc.Info.Locality;
            // "Kế hoạch 44 … và Quyết định 536 …, ban hành ngày nào?": each plan's own header answers for it.
            if (analysis.AsksAboutTheDocument && analysis.NamedDocuments.Contains(docId) && HeaderFacts(analysis, doc) is { } facts)
            {
                citations.Add(facts.Citation);
                lines.Add((label, facts.Lead, citations.Count));
                continue;
            }
            var (_, passages, extracted) = await FindAsync(analysis.Topic, topic, [docId], cancellationToken);
            if (extracted is null || RefusalReason(analysis, extracted) is not null)
            {
                lines.Add((label, "kế hoạch không nêu", 0));
                continue;
            }
            var grounded = Grounded(extracted);
            citations.Add(Cite(passages.First(p => p.Chunk.Id == extracted.Chunk.Id), grounded.Clause));
            lines.Add((label, composer.Lead(grounded), citations.Count));
        }
        if (citations.Count == 0)
            return new Answer(false, composer.Refusal([]), []);
        return new Answer(true, composer.Combined(lines, citations), citations);
    }

    private async Task<(BuiltQuery Query, IReadOnlyList<RankedPassage> Passages, ExtractedAnswer? Extracted)> FindAsync(
        string text, QuestionAnalysis analysis, IReadOnlyList<string>? docs, CancellationToken cancellationToken)
    {
        var query = retriever.Analyze(text);
        var passages = await retriever.RetrieveAsync(query, docs, Math.Max(_options.MaxCitations, 8),
            ranking.Value.IntentFit ? chunk => IntentFit(chunk, analysis) : null, cancellationToken);
        return (query, passages, extractor.Extract(analysis, query, passages));
    }

    /// <summary>A deadline question prefers passages with dates, a "who" question passages naming units, and so on.</summary>
    private double IntentFit(Chunk chunk, QuestionAnalysis analysis)
    {
        var fit = YearFit(chunk, analysis.Year);
        foreach (var ask in analysis.Asks)
        {
            fit += _fit.GetOrAdd((chunk.Id, ask), key => key.Item2 switch
            {
                Ask.Deadline or Ask.Date or Ask.Period => ValueSpans.Dates(chunk.Text).Count > 0 ? 0.25 : 0,
                Ask.Figure => ValueSpans.Figures(chunk.Text).Count > 0 ? 0.25 : 0,
                Ask.Unit or Ask.CoordinatingUnit => units.Find(chunk.Section + " " + chunk.Text).Count > 0 ? 0.25 : 0,
                Ask.DocumentNumber => ValueSpans.DocumentNumbers(chunk.Text).Count > 0 ? 0.25 : 0,
                _ => 0,
            });
        }
        return fit;
    }

    /// <summary>
    /// Targets are listed per year under headings ("Đến hết năm 2030"): a question about 2030 prefers
    /// passages whose heading or table says 2030, and avoids those headed by another year.
    /// </summary>
    private static double YearFit(Chunk chunk, int? year)
    {
        if (year is null) return 0;
        var heading = chunk.Section + " " + chunk.Context;
        var years = YearPattern().Matches(heading).Select(m => int.Parse(m.Value)).ToList();
        if (years.Count == 0) return YearPattern().IsMatch(chunk.Text) && chunk.Text.Contains(year.Value.ToString()) ? 0.15 : 0;
        return years.Contains(year.Value) ? 0.4 : -0.4;
    }

    [GeneratedRegex(@"\b20[2-5]\d\b")]
    private static partial Regex YearPattern();

    /// <summary>Why the plans do not answer, or null when the extracted clause does.</summary>
    private string? RefusalReason(QuestionAnalysis analysis, ExtractedAnswer? extracted)
    {
        if (extracted is null) return null;
        if (extracted.Support < _options.MinSupport)
            return "Các kế hoạch hiện có không nêu thông tin này.";
        if (analysis.Currency && extracted.Parts.Count == 0)
            return "Các kế hoạch hiện có không nêu số tiền này.";
        // "Phủ sóng 6G" is not answered by a passage about 5G.
        var said = VietnameseText.Fold(extracted.Chunk.Section + " " + extracted.Chunk.Context + " " + extracted.Clause);
        if (analysis.Identifiers?.FirstOrDefault(i => !Regex.IsMatch(said, $@"(?<![\w/.-]){Regex.Escape(i)}(?![\w/.-])")) is { } missing)
            return $"Các kế hoạch hiện có không nêu thông tin về {missing.ToUpperInvariant()}.";
        var wantsValue = analysis.Asks.Any(a => a is Ask.Figure or Ask.Deadline or Ask.Date or Ask.DocumentNumber or Ask.Person);
        if (wantsValue && extracted.Parts.Count == 0 && extracted.Support < _options.MinSupportWithoutValue)
            return "Các kế hoạch hiện có không nêu cụ thể thông tin này.";
        return null;
    }

    /// <summary>"Kế hoạch này số mấy, ký ngày nào?" is about the plan's own header, never about a document it cites.</summary>
    private Answer AboutTheDocument(QuestionAnalysis analysis, CorpusDocument doc, IReadOnlyList<RankedPassage> passages)
    {
        if (HeaderFacts(analysis, doc) is not { } facts)
        {
            var closest = passages.Take(3).Select(p => Cite(p, p.Chunk.Text)).ToList();
            return new Answer(false, composer.Refusal(closest, "Văn bản này (bản đang có) không ghi số hiệu hoặc ngày ký."), closest) { Scope = doc.Info.Id };
        }
        return new Answer(true, composer.Facts($"{facts.Lead} ({doc.Info.Title})", [facts.Citation]), [facts.Citation]) { Scope = doc.Info.Id };
    }

    /// <summary>The plan's own number and date as its header line states them ("Số: 44/KH-UBND … ngày 03 tháng 3 năm 2025"), or null when the header does not.</summary>
    private static (string Lead, Citation Citation)? HeaderFacts(QuestionAnalysis analysis, CorpusDocument doc)
    {
        var header = doc.Chunks.OrderBy(c => c.Ordinal).FirstOrDefault();
        var parts = new List<string>();
        if (analysis.AsksFor(Ask.DocumentNumber) && doc.Info.Number.Length > 0) parts.Add($"số {doc.Info.Number}");
        if (analysis.AsksFor(Ask.Date) && doc.Info.Date.Length > 0) parts.Add($"ngày {FormatDate(doc.Info.Date)}");
        var grounded = header is not null && parts.Count > 0
            && (doc.Info.Number.Length == 0 || !analysis.AsksFor(Ask.DocumentNumber) || Supports(header.Text, Regex.Match(doc.Info.Number, @"^\d+").Value))
            && (!DateOnly.TryParse(doc.Info.Date, out var date) || !analysis.AsksFor(Ask.Date) || Regex.IsMatch(VietnameseText.Fold(header.Text), $@"\b0?{date.Day}\b.*\b0?{date.Month}\b"));
        if (!grounded) return null;
        var facts = string.Join(", ", parts);
        return ($"{char.ToUpper(facts[0])}{facts[1..]}", new Citation(doc.Info.Id, doc.Info.Title, header!.Section, header.Text, header.Passage, 1, header.Id));
    }

    private static string FormatDate(string iso) =>
        DateOnly.TryParse(iso, out var d) ? $"{d.Day}/{d.Month}/{d.Year}" : iso;

    /// <summary>Keeps only the facts whose source text the cited clause really contains.</summary>
    private static ExtractedAnswer Grounded(ExtractedAnswer extracted)
    {
        // A fact read from the heading is quoted with it, so the citation holds everything the answer says.
        var heading = extracted.Parts.Select(p => p.FromHeading).FirstOrDefault(h => h is not null);
        var clause = heading is null ? extracted.Clause : $"{heading}: … {extracted.Clause}";
        return extracted with { Clause = clause, Parts = extracted.Parts.Where(p => Supports(clause, p.SourceText)).ToList() };
    }

    public static bool Supports(string quote, string source) =>
        source.Length > 0 && VietnameseText.Fold(VietnameseText.CollapseSpaces(quote)).Contains(VietnameseText.Fold(VietnameseText.CollapseSpaces(source)));

    private List<Citation> Citations(ExtractedAnswer extracted, IReadOnlyList<RankedPassage> passages, BuiltQuery query)
    {
        var first = passages.First(p => p.Chunk.Id == extracted.Chunk.Id);
        var citations = new List<Citation> { Cite(first, extracted.Clause) };
        foreach (var p in passages)
        {
            if (citations.Count >= _options.MaxCitations) break;
            if (p.Chunk.Id == first.Chunk.Id) continue;
            citations.Add(Cite(p, BestClause(p.Chunk, query)));
        }
        return citations;
    }

    private string BestClause(Chunk chunk, BuiltQuery query)
    {
        var clauses = chunk.Kind == ChunkKind.TableRow ? [chunk.Text] : Sentences.Split(chunk.Text).Select(s => s.Of(chunk.Text)).ToList();
        return clauses.Count == 0 ? chunk.Text : clauses.MaxBy(c => extractor.Coverage(c, query))!;
    }

    private Citation Cite(RankedPassage passage, string quote) =>
        new(passage.Chunk.DocId, corpus.Find(passage.Chunk.DocId)?.Info.Title ?? passage.Chunk.DocId, passage.Chunk.Section,
            quote, passage.Chunk.Passage, Math.Round(passage.Score, 4), passage.Chunk.Id);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
