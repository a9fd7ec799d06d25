using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Import;
using KeHoach57.Server.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KeHoach57.Server.Admin;

/// <summary>
/// The upload form (multipart/form-data): one file in the field <c>file</c>, and optional text fields that
/// replace what the import reads from the document's header block (the CLI's --id, --title… options), plus
/// <c>replace</c> and <c>dryRun</c>. Read by hand, section by section, rather than through form binding: the
/// admin key is checked before a byte of the body is read, the file is held in memory only up to
/// Import:MaxFileBytes (an upload over it stops being read there) and never touches the disk, and each
/// mistake gets a Vietnamese message.
/// </summary>
public sealed class PlanUploadForm
{
    [Required, Description("The plan: PDF (with a text layer, or a scan), Word .docx, a PNG/JPEG/TIFF photo or scan, or text (UTF-8, UTF-16, Windows-1258, TCVN3, VNI). Its name is only shown and kept in the manifest, never used as a path.")]
    public IFormFile File { get; init; } = null!;

    [Description("Plan id instead of the one proposed (lower-case ASCII, digits and hyphens, e.g. tan-lap).")]
    public string? Id { get; init; }

    [Description("Title (trích yếu) instead of the one read from the header block.")]
    public string? Title { get; init; }

    [Description("Issuing body instead of the one read.")]
    public string? Issuer { get; init; }

    [Description("Number and symbol (số ký hiệu), e.g. 27/KH-UBND.")]
    public string? Number { get; init; }

    [Description("Date issued, yyyy-MM-dd.")]
    public string? Date { get; init; }

    [Description("Locality, e.g. xã Tân Lập, tỉnh Phú Thọ.")]
    public string? Locality { get; init; }

    [Description("Level: xã or tỉnh.")]
    public string? Level { get; init; }

    [Description("true: replace the plan already under this id.")]
    public bool? Replace { get; init; }

    [Description("true: read, check and report only; nothing is written.")]
    public bool? DryRun { get; init; }
}

/// <summary>The upload as read: the file within the limit, the user's corrections and the two switches.</summary>
public sealed record PlanUpload(SourceFile File, MetadataCorrections Corrections, bool Replace, bool DryRun)
{
    public const string FileField = "file";

    private static readonly string[] TextFields = ["id", "title", "issuer", "number", "date", "locality", "level", "replace", "dryRun"];
    private const int MaxFieldChars = 1000;
    private const int MaxSections = 16;

    /// <summary>Room for the form's boundaries, headers and text fields on top of the file itself.</summary>
    private const long FormOverheadBytes = 256 * 1024;

    public readonly record struct Result(PlanUpload? Upload, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpContext http, DocumentImporter importer, long maxFileBytes, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return Problem(StatusCodes.Status415UnsupportedMediaType,
                "Gửi tệp theo dạng multipart/form-data, trong trường \"file\" (ví dụ: curl -F file=@ke-hoach.pdf …).");
        // Kestrel's own cap (30 MB unless configured) would cut a file the import accepts; this request may carry the import's limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = maxFileBytes + FormOverheadBytes;

        SourceFile? file = null;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
            var sections = 0;
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (++sections > MaxSections)
                    return Problem(StatusCodes.Status400BadRequest, $"Biểu mẫu có quá nhiều trường (tối đa {MaxSections}).");
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return Problem(StatusCodes.Status400BadRequest, "Một phần của biểu mẫu thiếu tiêu đề Content-Disposition: form-data.");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (!name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                        return Problem(StatusCodes.Status400BadRequest, $"Tệp phải được gửi trong trường \"{FileField}\" (đã gửi trong \"{Shorten(name)}\").");
                    if (file is not null)
                        return Problem(StatusCodes.Status400BadRequest, "Mỗi lần chỉ gửi một tệp; gửi các tệp khác trong các yêu cầu sau.");
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    var (received, refusal) = await importer.ReceiveAsync(section.Body, fileName, cancellationToken);
                    if (refusal is not null) return new(null, PlanUploadEndpoints.Refused(refusal));
                    file = received;
                    continue;
                }
                var field = TextFields.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (field is null)
                    return Problem(StatusCodes.Status400BadRequest,
                        $"Trường \"{Shorten(name)}\" không có trong biểu mẫu. Các trường: {FileField}, {string.Join(", ", TextFields)}.");
                if (await ReadTextAsync(section.Body, cancellationToken) is not { } value)
                    return Problem(StatusCodes.Status400BadRequest, $"Trường \"{field}\" dài quá {MaxFieldChars} ký tự.");
                fields[field] = value;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"Nội dung gửi lên vượt giới hạn của máy chủ cho một tệp ({maxFileBytes / 1024} KB).");
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException or DecoderFallbackException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Biểu mẫu gửi lên bị hỏng hoặc bị cắt giữa chừng: không đọc được multipart/form-data.");
        }

        if (file is null)
            return Problem(StatusCodes.Status400BadRequest, $"Thiếu tệp: gửi văn bản trong trường \"{FileField}\" (ví dụ: curl -F file=@ke-hoach.pdf …).");
        var replace = Switch(fields, "replace");
        var dryRun = Switch(fields, "dryRun");
        if (replace is null || dryRun is null)
            return Problem(StatusCodes.Status400BadRequest, "Trường replace và dryRun nhận true hoặc false.");
        var corrections = new MetadataCorrections(Value(fields, "id"), Value(fields, "title"), Value(fields, "issuer"), Value(fields, "number"),
            Value(fields, "date"), Value(fields, "locality"), Value(fields, "level"));
        return new(new PlanUpload(file, corrections, replace.Value, dryRun.Value), null);
    }

    private static Result Problem(int status, string detail) => new(null, Problems.Status(status, detail));

    /// <returns>The field's text, or null when it is longer than allowed (reading stops there).</returns>
    private static async Task<string?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        // UTF-8 takes at most four bytes a character; one byte more tells "too long".
        var buffer = new byte[MaxFieldChars * 4 + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        if (length == buffer.Length) return null;
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        return text.Length > MaxFieldChars ? null : text;
    }

    private static string? Value(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <returns>The switch (false when absent or empty), or null when it is neither true nor false.</returns>
    private static bool? Switch(Dictionary<string, string> fields, string name) => Value(fields, name)?.ToLowerInvariant() switch
    {
        null or "false" or "0" or "off" => false,
        "true" or "1" or "on" => true,
        _ => null,
    };

    private static string Shorten(string name) => name.Length > 40 ? name[..40] + "…" : name;
}
