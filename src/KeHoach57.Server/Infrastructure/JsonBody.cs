using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Infrastructure;

/// <summary>
/// Reads a small JSON body by hand instead of through parameter binding, so that a body that is too big,
/// empty or malformed gets a Vietnamese 400/413 rather than the framework's English (or empty) one, and so
/// that no more than the cap is ever buffered whatever Content-Length claims. Only application/json (or a
/// +json type) is read: a cross-site HTML form can only send form or text types, so those get 415.
/// </summary>
public static class JsonBody
{
    public readonly record struct Result<T>(T? Value, ProblemHttpResult? Problem);

    public static async Task<Result<T>> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken) where T : class
    {
        var services = context.RequestServices;
        var maxBytes = services.GetRequiredService<IOptions<ServerOptions>>().Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (!request.HasJsonContentType()) return new(null, Problems.NotJson());
        if (request.ContentLength > maxBytes) return new(null, Problems.TooLarge(maxBytes));

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= maxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
                length += read;
            if (length > maxBytes) return new(null, Problems.TooLarge(maxBytes));
            if (length == 0) return new(null, Problems.BadRequest("Thiếu nội dung yêu cầu: hãy gửi một đối tượng JSON."));

            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            T? value;
            try { value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), json); }
            catch (JsonException) { value = null; }
            return value is null
                ? new(null, Problems.BadRequest("Nội dung gửi lên không phải JSON hợp lệ theo mẫu, ví dụ: {\"question\": \"Mục tiêu chung là gì?\"}."))
                : new(value, null);
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own body limit or a broken upload: the client's fault, never a 500.
            return new(null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Problems.TooLarge(maxBytes)
                : Problems.BadRequest("Không đọc được nội dung yêu cầu."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
