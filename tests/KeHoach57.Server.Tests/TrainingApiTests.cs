using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests;

/// <summary>The trainers' endpoints: practice questions without their answers, checked one at a time; exports; summaries; "why".</summary>
public sealed class TrainingApiTests(PlansServer server) : IClassFixture<PlansServer>
{
    private HttpClient Client => server.Client;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Câu_hỏi_luyện_tập_không_lộ_đáp_án_và_được_chấm_kèm_đoạn_trích()
    {
        using var response = await Client.GetAsync($"/api/quiz?plan={TestCorpus.YenHoa}&kind=han&count=3", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, 3);
        var item = items[0];
        Assert.Equal(4, item.GetProperty("options").GetArrayLength());
        Assert.False(item.TryGetProperty("correctIndex", out _));
        Assert.False(item.TryGetProperty("citation", out _));

        using var checkedResponse = await Client.PostJsonAsync("/api/quiz/answer", new { id = item.Str("id"), choice = 0 });
        Assert.Equal(HttpStatusCode.OK, checkedResponse.StatusCode);
        var result = await checkedResponse.ReadJsonAsync();
        var right = result.GetProperty("correctIndex").GetInt32();
        Assert.Equal(right == 0, result.GetProperty("correct").GetBoolean());
        Assert.Equal(item.GetProperty("options")[right].GetString(), result.Str("answer"));
        Assert.StartsWith("/documents/" + TestCorpus.YenHoa, result.Str("url"));
        Assert.False(string.IsNullOrWhiteSpace(result.Str("quote")));
    }

    [Theory]
    [InlineData("/api/quiz?plan=khong-co")]
    [InlineData("/api/quiz?kind=bai-hat")]
    [InlineData("/api/quiz/export?format=docx")]
    public async Task Bộ_lọc_sai_được_báo_bằng_tiếng_Việt(string url)
    {
        using var response = await Client.GetAsync(url, Ct);
        await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Chấm_câu_không_có_hoặc_phương_án_sai_được_báo_rõ()
    {
        using var unknown = await Client.PostJsonAsync("/api/quiz/answer", new { id = "khong-co", choice = 0 });
        await ProblemAssert.IsVietnameseProblem(unknown, HttpStatusCode.BadRequest);
        using var list = await Client.GetAsync($"/api/quiz?plan={TestCorpus.YenHoa}&count=1", Ct);
        var id = (await list.ReadJsonAsync())[0].Str("id");
        using var outOfRange = await Client.PostJsonAsync("/api/quiz/answer", new { id, choice = 7 });
        await ProblemAssert.IsVietnameseProblem(outOfRange, HttpStatusCode.BadRequest);
        using var malformed = await Client.PostRawAsync("/api/quiz/answer", "{\"id\":");
        await ProblemAssert.IsVietnameseProblem(malformed, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Xuất_GIFT_CSV_và_bản_in()
    {
        using var gift = await Client.GetAsync($"/api/quiz/export?format=gift&plan={TestCorpus.YenHoa}", Ct);
        Assert.Equal(HttpStatusCode.OK, gift.StatusCode);
        var read = KeHoach57.Training.Exports.GiftReader.Read(await gift.Content.ReadAsStringAsync(Ct));
        Assert.NotEmpty(read);
        using var csv = await Client.GetAsync("/api/quiz/export?format=csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        using var html = await Client.GetAsync("/api/quiz/export?format=html", Ct);
        Assert.Contains("<h2>Đáp án</h2>", await html.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Trang_văn_bản_dẫn_tới_bản_tóm_tắt_in_được()
    {
        var page = await Client.GetStringAsync("/documents/" + TestCorpus.YenHoa, Ct);
        Assert.Contains($"href=\"/documents/{TestCorpus.YenHoa}/summary\"", page);
        var summary = await Client.GetStringAsync($"/documents/{TestCorpus.YenHoa}/summary", Ct);
        foreach (var heading in new[] { "Mục tiêu và chỉ tiêu", "Nhiệm vụ và đơn vị chủ trì", "Lịch báo cáo", "href=\"/assets/training/summary.css\"" })
            Assert.Contains(heading, summary);
        Assert.Contains("@page { size: A4", await Client.GetStringAsync("/assets/training/summary.css", Ct));
        Assert.Contains("trước ngày 10/6", summary);
        using var missing = await Client.GetAsync("/documents/khong-co/summary", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Vì_sao_có_câu_trả_lời_này()
    {
        using var response = await Client.PostJsonAsync("/api/why", new { question = "Báo cáo 6 tháng của xã Yên Hòa gửi trước ngày nào?", scope = TestCorpus.YenHoa });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var why = await response.ReadJsonAsync();
        Assert.Equal("Vì sao có câu trả lời này?", why.Str("title"));
        var titles = why.GetProperty("sections").EnumerateArray().Select(s => s.Str("title")).ToList();
        Assert.Contains("Câu hỏi được hiểu thế nào", titles);
    }
}
