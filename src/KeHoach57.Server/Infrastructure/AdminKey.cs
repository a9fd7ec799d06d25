using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KeHoach57.Server.Infrastructure;

/// <summary>
/// The administrators' endpoints (feedback export, plan upload) take the key of <see cref="AdminOptions.ApiKey"/>
/// in the X-Admin-Key header. No key configured: the endpoint is off (404 saying so), never open.
/// </summary>
public static class AdminKey
{
    public const string Header = "X-Admin-Key";

    /// <returns>Null when the request carries the configured key; otherwise the problem to answer with (404 off, 401 no key, 403 wrong key).</returns>
    public static ProblemHttpResult? Check(HttpContext http, AdminOptions admin, string whatIsOff)
    {
        var key = admin.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
            return Problems.NotFound($"{whatIsOff} đang tắt: máy chủ chưa cấu hình khóa quản trị (biến môi trường Admin__ApiKey).");
        var given = http.Request.Headers[Header].ToString();
        if (given.Length == 0)
            return Problems.Status(StatusCodes.Status401Unauthorized, $"Cần khóa quản trị trong tiêu đề {Header}.");
        return SameSecret(given, key) ? null : Problems.Status(StatusCodes.Status403Forbidden, "Khóa quản trị không đúng.");
    }

    // Hashing first gives equal-length inputs, so the comparison time says nothing about the key.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
