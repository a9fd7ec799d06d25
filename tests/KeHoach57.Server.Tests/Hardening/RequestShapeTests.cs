using System.Net;
using System.Text;
using System.Text.Json;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>What a POST must look like, HEAD where GET works, separate rate buckets (issue 15, findings 6, 9, 10).</summary>
public sealed class RequestShapeTests
{
    public sealed class OnOneServer(ReadyServer server) : IClassFixture<ReadyServer>
    {
        public static TheoryData<string, string> FormPosts => new()
        {
            { "/api/ask", "application/x-www-form-urlencoded" },
            { "/api/ask", "text/plain" },
            { "/api/ask", "multipart/form-data; boundary=x" },
            { "/api/ask/stream", "text/plain" },
            { "/api/feedback", "application/x-www-form-urlencoded" },
            { "/api/feedback", "text/plain" },
        };

        [Theory]
        [MemberData(nameof(FormPosts))]
        public async Task POST_không_phải_JSON_bị_từ_chối_415_để_form_chéo_trang_không_gửi_được(string path, string contentType)
        {
            var content = new StringContent("{\"question\":\"" + TestCorpus.YenHoaQuestion + "\"}", Encoding.UTF8);
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            using var response = await server.Client.PostAsync(path, content, TestContext.Current.CancellationToken);

            var detail = await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.UnsupportedMediaType);
            Assert.Contains("application/json", detail);
            await Answers.StillAnswersAsync(server.Client);
        }
    }

    public sealed class OnLoopback(LoopbackServer server) : IClassFixture<LoopbackServer>
    {
        [Theory]
        [InlineData("/")]
        [InlineData("/health")]
        [InlineData("/health/live")]
        [InlineData("/widget.js")]
        [InlineData("/api/documents")]
        [InlineData("/api/suggestions")]
        [InlineData("/documents/yen-hoa")]
        [InlineData("/openapi/v1.json")]
        public async Task HEAD_được_trả_lời_ở_mọi_nơi_GET_trả_lời_không_có_thân(string path)
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            using var get = await client.GetAsync(path, TestContext.Current.CancellationToken);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Bấm_góp_ý_không_tiêu_hết_lượt_hỏi_hai_giới_hạn_tách_riêng()
    {
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?>
        {
            ["RateLimit:PermitLimit"] = "3",
            ["RateLimit:FeedbackPermitLimit"] = "5",
            ["RateLimit:WindowSeconds"] = "3600",
        });
        using var client = await factory.CreateReadyClientAsync();
        using var first = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
        var answer = await first.ReadJsonAsync();

        for (var i = 0; i < 5; i++)
        {
            using var thumbs = await client.PostJsonAsync("/api/feedback", new { conversationId = answer.Str("conversationId"), answerId = answer.Str("answerId"), helpful = true });
            Assert.Equal(HttpStatusCode.OK, thumbs.StatusCode);
        }
        using (var sixth = await client.PostJsonAsync("/api/feedback", new { conversationId = answer.Str("conversationId"), answerId = answer.Str("answerId"), helpful = true }))
            Assert.Contains("góp ý", await ProblemAssert.IsVietnameseProblem(sixth, HttpStatusCode.TooManyRequests));

        // Two questions of three are left whatever the clicks did.
        for (var i = 0; i < 2; i++)
        {
            using var ask = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
            Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        }
        using var over = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
        Assert.Contains("câu hỏi", await ProblemAssert.IsVietnameseProblem(over, HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public void Bản_Release_chạy_như_Production_trừ_khi_được_bảo_khác()
    {
        // `dotnet run -c Release` takes its environment from launchSettings.json: no profile may force Development.
        var root = KeHoach57.Core.RepositoryPaths.FindRoot()!;
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src/KeHoach57.Server/Properties/launchSettings.json")));
        foreach (var profile in settings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            if (!profile.Value.TryGetProperty("environmentVariables", out var variables)) continue;
            foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
                Assert.False(variables.TryGetProperty(name, out _), $"profile {profile.Name} sets {name}");
        }
    }
}
