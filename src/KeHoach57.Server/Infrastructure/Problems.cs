using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KeHoach57.Server.Infrastructure;

/// <summary>
/// Every error the API returns is a ProblemDetails body whose title and detail are Vietnamese, because
/// the widget shows <c>detail</c> to the official as it is.
/// </summary>
public static class Problems
{
    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Chưa xác thực",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        409 => "Trùng với dữ liệu đã có",
        413 => "Yêu cầu quá lớn",
        415 => "Định dạng không được hỗ trợ",
        422 => "Không dùng được nội dung gửi lên",
        429 => "Quá nhiều yêu cầu",
        503 => "Dịch vụ chưa sẵn sàng",
        >= 500 => "Lỗi máy chủ",
        _ => "Lỗi",
    };

    public static string DefaultDetail(int status) => status switch
    {
        404 => "Không có địa chỉ này trên máy chủ.",
        405 => "Địa chỉ này không nhận phương thức HTTP đã dùng.",
        413 => "Nội dung gửi lên quá lớn.",
        415 => "Chỉ nhận nội dung JSON (Content-Type: application/json).",
        429 => "Bạn đã gửi quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại.",
        503 => "Trợ lý đang nạp dữ liệu kế hoạch. Vui lòng thử lại sau ít giây.",
        >= 500 => "Đã có lỗi ngoài ý muốn ở máy chủ. Vui lòng thử lại sau.",
        _ => "Yêu cầu không thực hiện được.",
    };

    public static ProblemHttpResult Status(int status, string? detail = null) =>
        TypedResults.Problem(detail ?? DefaultDetail(status), statusCode: status, title: Title(status));

    /// <param name="code">A stable machine-readable reason beside the Vietnamese detail, sent as the extension member "code".</param>
    public static ProblemHttpResult Status(int status, string detail, string code) =>
        TypedResults.Problem(detail, statusCode: status, title: Title(status), extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult TooLarge(int maxBytes) =>
        Status(StatusCodes.Status413PayloadTooLarge, $"Nội dung gửi lên vượt quá giới hạn {maxBytes / 1024} KB.");

    public static ProblemHttpResult NotJson() =>
        Status(StatusCodes.Status415UnsupportedMediaType, "Chỉ nhận nội dung JSON: hãy gửi tiêu đề Content-Type: application/json.");

    /// <summary>Fills in what the framework leaves blank (status-code pages, exception handler) in Vietnamese.</summary>
    public static void Localize(ProblemDetails problem)
    {
        var status = problem.Status ?? 500;
        problem.Title = Title(status);
        if (string.IsNullOrEmpty(problem.Detail)) problem.Detail = DefaultDetail(status);
    }
}
