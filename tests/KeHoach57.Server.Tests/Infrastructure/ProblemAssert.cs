using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KeHoach57.Server.Tests.Infrastructure;

public static partial class ProblemAssert
{
    /// <summary>The response is a ProblemDetails with <paramref name="status"/> whose title and detail are Vietnamese.</summary>
    public static async Task<string> IsVietnameseProblem(HttpResponseMessage response, HttpStatusCode status) =>
        (await ReadProblemAsync(response, status)).Detail;

    /// <summary>As above, and the problem's "code" member (the import's reason for refusing a file) is <paramref name="code"/>.</summary>
    public static async Task<string> IsVietnameseProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var (detail, body) = await ReadProblemAsync(response, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
        return detail;
    }

    private static async Task<(string Detail, JsonElement Body)> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        var title = body.GetProperty("title").GetString() ?? "";
        var detail = body.GetProperty("detail").GetString() ?? "";
        Assert.Matches(VietnameseLetters(), title);
        Assert.Matches(VietnameseLetters(), detail);
        Assert.DoesNotContain("Exception", detail);
        Assert.DoesNotContain("   at ", detail);
        return (detail, body);
    }

    [GeneratedRegex("[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetters();
}
