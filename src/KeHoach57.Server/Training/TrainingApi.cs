using KeHoach57.Answering;
using KeHoach57.Answering.Composition;
using KeHoach57.Core.Answers;
using KeHoach57.Server.Documents;
using KeHoach57.Server.Health;
using KeHoach57.Server.Infrastructure;
using KeHoach57.Training.Exports;
using KeHoach57.Training.Phrasing;
using KeHoach57.Training.Quizzes;
using KeHoach57.Training.Summaries;
using KeHoach57.Training.Why;

namespace KeHoach57.Server.Training;

/// <summary>
/// The trainers' surface: practice questions (without their answers, checked one at a time), exports for a course,
/// plan summaries, and the "why" view of an answer.
/// </summary>
public static class TrainingApi
{
    private const int MaxCount = 50;
    private const string SummaryCss = "/assets/training/summary.css";
    private const string SheetCss = "/assets/training/quiz-sheet.css";

    /// <summary>A question as the practice mode shows it: no answer until one is chosen.</summary>
    public sealed record QuizQuestion(string Id, string Plan, string Kind, string Level, string KindName, string LevelName, string Stem, IReadOnlyList<string> Options);

    public sealed record QuizAnswerBody(string? Id, int? Choice);

    public sealed record QuizAnswerResult(bool Correct, int CorrectIndex, string Answer, string Verdict, string Source, string Quote, string Url);

    public sealed record WhyBody(string? Question, string? Scope);

    public sealed record WhyResult(string Title, bool Answered, string Line, IReadOnlyList<WhySection> Sections);

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireReadiness().RequireCors(ServerSetup.CorsPolicy);
        api.MapGet("/quiz", GetQuestions);
        api.MapPost("/quiz/answer", CheckAnswer);
        api.MapGet("/quiz/export", Export);
        api.MapPost("/why", Why).RequireRateLimiting(RateLimiting.Asking);
        endpoints.MapGet("/documents/{id}/summary", Summary).RequireReadiness().ExcludeFromDescription();
        // The pages' style as files: the content security policy forbids inline style.
        endpoints.MapGet(SummaryCss, () => Results.Text(PlanSummary.Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        endpoints.MapGet(SheetCss, () => Results.Text(QuizSheet.Css, "text/css; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> GetQuestions(string? plan, string? kind, string? level, int? count, QuizBank bank, Assistant assistant,
        GroundedPhrasing phrasing, CancellationToken cancellationToken)
    {
        if (Filter(plan, kind, level, assistant, out var filter) is { } problem) return problem;
        var items = new List<QuizItem>();
        foreach (var item in bank.Select(filter!, Math.Clamp(count ?? 10, 1, MaxCount)))
            items.Add(await phrasing.PhraseAsync(item, cancellationToken));
        IReadOnlyList<QuizQuestion> questions = items.Select(i => new QuizQuestion(i.Id, i.PlanId, i.Kind.ToString(), i.Level.ToString(),
            QuizBank.Name(i.Kind), QuizBank.Name(i.Level), i.Stem, i.Options)).ToList();
        return TypedResults.Ok(questions);
    }

    private static async Task<IResult> CheckAnswer(HttpContext http, QuizBank bank, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<QuizAnswerBody>(http, cancellationToken);
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(body!.Id) || bank.Find(body.Id) is not { } item)
            return Problems.BadRequest("Không có câu hỏi mang mã này. Hãy tải lại bộ câu hỏi.");
        if (body.Choice is not { } choice || choice < 0 || choice >= item.Options.Count)
            return Problems.BadRequest($"Hãy chọn một phương án từ 0 đến {item.Options.Count - 1}.");
        var feedback = QuizFeedback.For(item, choice);
        return TypedResults.Ok(new QuizAnswerResult(feedback.Correct, item.CorrectIndex, item.Answer, feedback.Verdict, feedback.Source, feedback.Quote,
            DocumentLinks.Passage(item.Citation.ChunkId)));
    }

    private static IResult Export(string? format, string? plan, string? kind, string? level, QuizBank bank, Assistant assistant, SourceLabels labels)
    {
        if (Filter(plan, kind, level, assistant, out var filter) is { } problem) return problem;
        var items = bank.Select(filter!);
        return (format ?? "").ToLowerInvariant() switch
        {
            "gift" => Results.File(System.Text.Encoding.UTF8.GetBytes(GiftWriter.Write(items, labels.Plan)), "text/plain; charset=utf-8", "cau-hoi-kh57.gift.txt"),
            "csv" => Results.File(System.Text.Encoding.UTF8.GetBytes(QuizCsv.Write(items)), "text/csv; charset=utf-8", "cau-hoi-kh57.csv"),
            "html" => Results.Content(QuizSheet.Render(items, "Câu hỏi luyện tập: kế hoạch thực hiện Nghị quyết 57-NQ/TW", SheetCss), "text/html; charset=utf-8"),
            _ => Problems.BadRequest("Định dạng xuất phải là gift, csv hoặc html."),
        };
    }

    private static async Task<IResult> Summary(string id, PlanSummary summary, CancellationToken cancellationToken) =>
        await summary.RenderAsync(id, DocumentLinks.Page(id), SummaryCss, cancellationToken) is { } html
            ? Results.Content(html, "text/html; charset=utf-8")
            : Problems.NotFound($"Không có văn bản mang mã \"{(id.Length > 60 ? id[..60] + "…" : id)}\".");

    private static async Task<IResult> Why(HttpContext http, Assistant assistant, SourceLabels labels, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<WhyBody>(http, cancellationToken);
        if (problem is not null) return problem;
        var answer = await assistant.AskAsync(new AskRequest(body!.Question ?? "", string.IsNullOrWhiteSpace(body.Scope) ? null : body.Scope), cancellationToken);
        return TypedResults.Ok(new WhyResult(WhyView.Title, answer.Answered, answer.Line, WhyView.Explain(answer, labels.Plan)));
    }

    private static IResult? Filter(string? plan, string? kind, string? level, Assistant assistant, out QuizFilter? filter)
    {
        filter = null;
        if (!string.IsNullOrWhiteSpace(plan) && assistant.FindDocument(plan.Trim()) is null)
            return Problems.BadRequest(assistant.UnknownScopeMessage(plan.Trim()));
        try { filter = new QuizFilter(string.IsNullOrWhiteSpace(plan) ? null : plan.Trim(), QuizBank.ParseKind(kind), QuizBank.ParseLevel(level)); }
        catch (ArgumentException ex) { return Problems.BadRequest(ex.Message); }
        return null;
    }
}
