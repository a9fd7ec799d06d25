using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>
/// The published contract (/openapi/v1.json) is true: real responses of the running server, good and bad,
/// are each documented under their path, method, status and media type, and their bodies validate against
/// the documented schema.
/// </summary>
public sealed class OpenApiContractTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    public static TheoryData<string> Exchanges => new()
    {
        "ask-ok", "ask-empty", "ask-not-json", "ask-too-large", "ask-unknown-scope", "stream-ok",
        "suggestions-ok", "suggestions-unknown", "documents-ok", "document-ok", "document-missing",
        "feedback-ok", "feedback-bad", "export-ok", "export-no-key", "health-ok", "live-ok",
        "upload-preview", "upload-created", "upload-not-a-plan", "upload-no-key", "upload-not-multipart",
    };

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task Câu_trả_lời_thật_khớp_với_hợp_đồng_OpenAPI(string exchange)
    {
        var (method, template, response) = await SendAsync(exchange);
        using (response)
        {
            var document = await DocumentAsync();
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            var operation = document["paths"]?[template]?[method];
            Assert.True(operation is not null, $"{method.ToUpperInvariant()} {template} is not in the document");
            var documented = operation!["responses"]?[status];
            Assert.True(documented is not null, $"{method.ToUpperInvariant()} {template} answered {status}, which the document does not list");
            var content = documented!["content"]?.AsObject();
            Assert.True(content is not null && content.ContainsKey(mediaType),
                $"{method.ToUpperInvariant()} {template} {status} sent {mediaType}; documented: {string.Join(", ", content?.Select(c => c.Key) ?? [])}");
            if (mediaType == "text/event-stream") return;

            var schema = content![mediaType]!["schema"]!;
            using var parsed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var body = parsed.RootElement;
            var result = SchemaFor(document, schema).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{exchange}: body does not match the schema:\n{Errors(result)}\n{body}");
        }
    }

    [Fact]
    public async Task Tài_liệu_OpenAPI_liệt_kê_mọi_điểm_cuối_API()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/ask", "/api/ask/stream", "/api/suggestions", "/api/documents", "/api/documents/{id}", "/api/feedback", "/api/admin/plans", "/health", "/health/live" })
            Assert.Contains(path, paths);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var response = await Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The response schema with the document's components as $defs, so its $refs resolve.</summary>
    private static JsonSchema SchemaFor(JsonNode document, JsonNode schema)
    {
        var wrapper = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://kehoach57.test/openapi/" + Guid.NewGuid().ToString("N"),
            ["$defs"] = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        return JsonSchema.FromText(wrapper.ToJsonString().Replace("#/components/schemas/", "#/$defs/"));
    }

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private async Task<(string Method, string Template, HttpResponseMessage Response)> SendAsync(string exchange)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (exchange)
        {
            case "ask-ok": return ("post", "/api/ask", await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, scope = TestCorpus.YenHoa }));
            case "ask-empty": return ("post", "/api/ask", await Client.PostJsonAsync("/api/ask", new { question = "" }));
            case "ask-not-json": return ("post", "/api/ask", await Client.PostRawAsync("/api/ask", "question=x", "application/x-www-form-urlencoded"));
            case "ask-too-large": return ("post", "/api/ask", await Client.PostRawAsync("/api/ask", "{\"question\":\"" + new string('x', 20_000) + "\"}"));
            case "ask-unknown-scope": return ("post", "/api/ask", await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion, scope = "ha-noi" }));
            case "stream-ok": return ("post", "/api/ask/stream", await Client.PostJsonAsync("/api/ask/stream", new { question = TestCorpus.YenHoaQuestion }));
            case "suggestions-ok": return ("get", "/api/suggestions", await Client.GetAsync("/api/suggestions?scope=yen-hoa", ct));
            case "suggestions-unknown": return ("get", "/api/suggestions", await Client.GetAsync("/api/suggestions?scope=khong-co", ct));
            case "documents-ok": return ("get", "/api/documents", await Client.GetAsync("/api/documents", ct));
            case "document-ok": return ("get", "/api/documents/{id}", await Client.GetAsync("/api/documents/yen-hoa", ct));
            case "document-missing": return ("get", "/api/documents/{id}", await Client.GetAsync("/api/documents/khong-co", ct));
            case "feedback-ok":
                using (var asked = await Client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion }))
                {
                    var answer = await asked.ReadJsonAsync();
                    return ("post", "/api/feedback", await Client.PostJsonAsync("/api/feedback", new { conversationId = answer.Str("conversationId"), answerId = answer.Str("answerId"), helpful = true }));
                }
            case "feedback-bad": return ("post", "/api/feedback", await Client.PostJsonAsync("/api/feedback", new { conversationId = "c1" }));
            case "export-ok":
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feedback?format=json");
                    request.Headers.Add("X-Admin-Key", AssistantServerFactory.AdminKey);
                    return ("get", "/api/feedback", await Client.SendAsync(request, ct));
                }
            case "export-no-key": return ("get", "/api/feedback", await Client.GetAsync("/api/feedback", ct));
            case "upload-preview":
                return ("post", "/api/admin/plans", await Client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", new Dictionary<string, string> { ["dryRun"] = "true" }));
            case "upload-created":
                // Not the preview's plan, so the two exchanges hold in either order.
                return ("post", "/api/admin/plans", await Client.UploadAsync(Encoding.UTF8.GetBytes(NewPlan.Text + "\nBổ sung: hợp đồng thuê bao wifi ký trước ngày 30/6/2026.\n"),
                    "ke-hoach.txt", new Dictionary<string, string> { ["id"] = "tan-lap-bo-sung" }));
            case "upload-not-a-plan":
                return ("post", "/api/admin/plans", await Client.UploadAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Hôm nay trời nắng đẹp, chúng tôi đi chơi công viên. ", 20))), "nhat-ky.txt"));
            case "upload-no-key": return ("post", "/api/admin/plans", await Client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", key: null));
            case "upload-not-multipart":
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/plans") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                    request.Headers.Add("X-Admin-Key", AssistantServerFactory.AdminKey);
                    return ("post", "/api/admin/plans", await Client.SendAsync(request, ct));
                }
            case "health-ok": return ("get", "/health", await Client.GetAsync("/health", ct));
            case "live-ok": return ("get", "/health/live", await Client.GetAsync("/health/live", ct));
            default: throw new ArgumentOutOfRangeException(nameof(exchange), exchange, null);
        }
    }
}
