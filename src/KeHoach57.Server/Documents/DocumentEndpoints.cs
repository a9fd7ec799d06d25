using KeHoach57.Answering;
using KeHoach57.Conversations;
using KeHoach57.Core.Documents;
using KeHoach57.Server.Health;
using KeHoach57.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeHoach57.Server.Documents;

public static class DocumentEndpoints
{
    public sealed record DocumentSummary(
        string Id, string Title, string Issuer, string Number, string Date, string Locality, string Level, string Source,
        int Chunks, string Url);

    public sealed record DocumentDetail(
        string Id, string Title, string Issuer, string Number, string Date, string Locality, string Level, string Source,
        int Chunks, string Url, string Markdown);

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/documents").RequireReadiness().RequireCors(ServerSetup.CorsPolicy).WithTags("documents");
        api.MapGet("/", (IAssistantSource assistants) => TypedResults.Ok(Serving(assistants).Corpus.Documents.Select(Summary).ToList()))
            .ProducesProblems(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/{id}", Results<Ok<DocumentDetail>, ProblemHttpResult> (string id, IAssistantSource assistants) =>
                Serving(assistants).FindDocument(id) is { } doc
                    ? TypedResults.Ok(Detail(doc))
                    : Problems.NotFound(UnknownDocument(id)))
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status503ServiceUnavailable);

        endpoints.MapGet("/documents/{id}", (string id, string? highlight, string? view, IAssistantSource assistants, DocumentPage page) =>
            Serving(assistants).FindDocument(id) is { } doc
                ? Results.Content(page.Render(doc, highlight, DocumentPage.ParseView(view)), "text/html; charset=utf-8")
                : Results.Content(NotFoundPage(id), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound))
            .RequireReadiness()
            .ExcludeFromDescription();
        return endpoints;
    }

    // Readiness is checked by the endpoint filter before the handler runs, so there is an assistant here.
    private static Assistant Serving(IAssistantSource assistants) =>
        assistants.Current ?? throw new InvalidOperationException("The assistant has not loaded a corpus yet.");

    private static DocumentSummary Summary(CorpusDocument doc)
    {
        var i = doc.Info;
        return new(i.Id, i.Title, i.Issuer, i.Number, i.Date, i.Locality, i.Level, i.Source, doc.Chunks.Count, DocumentLinks.Page(i.Id));
    }

    private static DocumentDetail Detail(CorpusDocument doc)
    {
        var s = Summary(doc);
        return new(s.Id, s.Title, s.Issuer, s.Number, s.Date, s.Locality, s.Level, s.Source, s.Chunks, s.Url, doc.Markdown);
    }

    private static string UnknownDocument(string id) =>
        $"Không có văn bản mang mã \"{(id.Length > 60 ? id[..60] + "…" : id)}\". Xem danh sách tại /api/documents.";

    private static string NotFoundPage(string id) =>
        "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>Không tìm thấy văn bản</title><link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">" +
        "<link rel=\"stylesheet\" href=\"/assets/document.css\"></head><body>" +
        "<header class=\"doc-header\"><a class=\"back\" href=\"/\">← Trang chủ</a><h1>Không tìm thấy văn bản</h1></header>" +
        "<main class=\"doc\"><p>" + System.Net.WebUtility.HtmlEncode(UnknownDocument(id)) + "</p></main></body></html>\n";
}
