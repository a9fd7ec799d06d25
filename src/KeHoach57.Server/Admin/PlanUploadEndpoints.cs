using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Ingestion;
using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Import;
using KeHoach57.Server.Documents;
using KeHoach57.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace KeHoach57.Server.Admin;

/// <param name="Kind">The document's kind as its header names it ("Kế hoạch", "Quyết định"…).</param>
/// <param name="Place">The place in the date line ("Yên Hòa, ngày …").</param>
public sealed record PlanMetadata(
    string Id, string Title, string Issuer, string Number, string Date, string Locality, string Level, string Kind, string Place);

/// <param name="Status">"imported" (written to the corpus and answering) or "preview" (dryRun: read and checked, nothing written).</param>
/// <param name="Id">The plan id: its scope for /api/ask and its page /documents/{id}.</param>
/// <param name="File">The file's name as sent (shown, never used as a path).</param>
/// <param name="Format">How it was read, as the import summary says it ("Word (.docx)", "ảnh chụp/quét (OCR)"…).</param>
/// <param name="Metadata">What the document's header block gave, with the corrections sent applied; send corrected fields to change them.</param>
/// <param name="Quality">The quality report: pages, characters, noise, headings and appendix tables found, metadata found and missing, and
/// its warnings (the text is too poor to answer from, no heading was found).</param>
/// <param name="Notes">What the reader noticed (a legacy font converted, pages put through OCR…).</param>
/// <param name="Url">The plan's page once imported.</param>
/// <param name="Documents">Plans answering after the import.</param>
public sealed record PlanUploadReceipt(
    string Status, string Message, string Id, string File, string Format, PlanMetadata Metadata, QualityReport Quality,
    IReadOnlyList<string> Notes, string? Url, int? Documents);

public static class PlanUploadEndpoints
{
    /// <summary>
    /// POST /api/admin/plans: a new plan (PDF, Word .docx, scan or photo, text) into the corpus being served.
    /// Needs the admin key; off (404) when none is configured. Not CORS-enabled: it is for administrators'
    /// tools (curl, scripts), never for a browser on a portal.
    /// </summary>
    public static IEndpointRouteBuilder MapPlanUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/admin/plans", UploadAsync)
            .WithTags("admin")
            // The form is read by hand (PlanUpload), so a wrong content type gets this endpoint's own 415, after the key
            // check; the document states the form all the same.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(PlanUploadForm), null, cancellationToken) },
                    },
                })
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Created<PlanUploadReceipt>, Ok<PlanUploadReceipt>, ProblemHttpResult>> UploadAsync(HttpContext http,
        LivePlanImport imports, AssistantHolder holder, IOptions<AdminOptions> admin, IOptions<ImportOptions> limits, CancellationToken cancellationToken)
    {
        if (AdminKey.Check(http, admin.Value, "Chức năng nhập kế hoạch qua máy chủ") is { } denied) return denied;
        var (upload, problem) = await PlanUpload.ReadAsync(http, imports.Importer, limits.Value.MaxFileBytes, cancellationToken);
        if (problem is not null) return problem;

        var (file, corrections, replace, dryRun) = upload!;
        if (dryRun)
        {
            var preview = await imports.PreviewAsync(file, corrections, replace, cancellationToken);
            return preview is ImportedPlan read
                ? TypedResults.Ok(Receipt(read, "preview",
                    "Xem trước: đã đọc và kiểm tra, chưa ghi gì. Kiểm tra thông tin; gửi lại tệp không kèm dryRun (sửa bằng các trường id, title, issuer, number, date, locality, level) để nhập.",
                    null, null))
                : Refused((ImportRefusal)preview);
        }

        var result = await imports.ImportAsync(file, corrections, replace, cancellationToken);
        if (result is not ImportedPlan plan) return Refused((ImportRefusal)result);
        var documents = holder.Stack?.Corpus.Documents.Count;
        var url = DocumentLinks.Page(plan.Info.Id);
        return TypedResults.Created(url, Receipt(plan, "imported",
            $"Đã nhập \"{plan.Info.Title}\" (mã {plan.Info.Id}); trợ lý đã trả lời theo kế hoạch này ({documents} kế hoạch đang được phục vụ). " +
            "Sửa thông tin: gửi lại tệp với replace=true và các trường cần sửa.", url, documents));
    }

    private static PlanUploadReceipt Receipt(ImportedPlan plan, string status, string message, string? url, int? documents)
    {
        var i = plan.Info;
        var metadata = new PlanMetadata(i.Id, i.Title, i.Issuer, i.Number, i.Date, i.Locality, i.Level, plan.Header.Kind, plan.Header.Place);
        return new PlanUploadReceipt(status, message, i.Id, plan.SourceName, plan.Format, metadata, plan.Quality, plan.Notes, url, documents);
    }

    /// <summary>A refused file: its Vietnamese reason as the detail, the <see cref="ImportProblem"/> as "code", and a status a client can act on.</summary>
    public static ProblemHttpResult Refused(ImportRefusal refusal) =>
        Problems.Status(StatusFor(refusal.Problem), refusal.Message, refusal.Problem.ToString());

    private static int StatusFor(ImportProblem problem) => problem switch
    {
        ImportProblem.EmptyFile or ImportProblem.InvalidMetadata or ImportProblem.NotFound => StatusCodes.Status400BadRequest,
        ImportProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ImportProblem.UnknownType => StatusCodes.Status415UnsupportedMediaType,
        ImportProblem.Duplicate or ImportProblem.IdTaken => StatusCodes.Status409Conflict,
        // The server lacks tesseract, or could not write or index: nothing is wrong with the file.
        ImportProblem.MissingTool or ImportProblem.NotServed => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
