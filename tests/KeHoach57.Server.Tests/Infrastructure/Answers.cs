using System.Net;

namespace KeHoach57.Server.Tests.Infrastructure;

public static class Answers
{
    /// <summary>The service still works: the plainly answerable yen-hoa question gets its fact, with a citation.</summary>
    public static async Task StillAnswersAsync(HttpClient client)
    {
        using var response = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, scope = TestCorpus.YenHoa });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        Assert.True(answer.GetProperty("answered").GetBoolean(), answer.ToString());
        Assert.Contains(answer.Citations(), c => c.Str("passage").Contains(TestCorpus.YenHoaFact));
    }
}
