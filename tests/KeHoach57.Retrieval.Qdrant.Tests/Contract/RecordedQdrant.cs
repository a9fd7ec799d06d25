using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// A fake Qdrant that replays recorded exchanges in order. For each request it asserts the method, the
/// path and that the body has the recorded structure and key values, checks the body against Qdrant's
/// OpenAPI request schema, and answers with the recorded status and JSON.
/// </summary>
/// <remarks>
/// Fixture syntax, in expected request bodies and paths: "&lt;any&gt;" matches any value, a string starting
/// with "~" is a regular expression for a string value, and an object holding "&lt;more&gt;": true may
/// carry properties beyond the listed ones. Numbers match within 1e-5 relative (floats travel as text).
/// </remarks>
public sealed class RecordedQdrant : HttpMessageHandler
{
    public const string BaseUrl = "http://qdrant.test:6333/";

    private readonly Queue<Exchange> _script;
    private readonly List<string> _seen = [];

    private RecordedQdrant(IEnumerable<Exchange> exchanges) => _script = new Queue<Exchange>(exchanges);

    /// <summary>Loads Contract/Fixtures/{name}.json, replacing each "${key}" with its value (the build's
    /// collection name, which is a content hash and so is not written into the recording).</summary>
    public static RecordedQdrant Fixture(string name, IReadOnlyDictionary<string, string>? variables = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "Fixtures", name + ".json"));
        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
            text = text.Replace("${" + key + "}", value, StringComparison.Ordinal);
        Assert.DoesNotContain("${", text);
        var fixture = JsonNode.Parse(text)!;
        return new RecordedQdrant(fixture["exchanges"]!.AsArray().Select(e => Exchange.From(e!)));
    }

    /// <summary>Variables for fixtures recorded against <see cref="Support.ContractCorpus"/>.</summary>
    public static Dictionary<string, string> CollectionOf(string collection) => new() { ["collection"] = collection };

    public static IEnumerable<string> FixtureNames() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Contract", "Fixtures"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order()!;

    /// <summary>Every exchange of every fixture, for checking the recordings themselves against the spec.</summary>
    public static IEnumerable<(string Fixture, Exchange Exchange)> AllExchanges() =>
        FixtureNames().SelectMany(name => Fixture(name, CollectionOf("kehoach57-000000000000"))._script.Select(e => (name, e)));

    public HttpClient CreateClient() => new(this) { BaseAddress = new Uri(BaseUrl) };

    public IReadOnlyList<string> Requests => _seen;

    /// <summary>Also catches a client that stopped early, which a replay alone would not notice.</summary>
    public void AssertAllReplayed() =>
        Assert.True(_script.Count == 0,
            $"{_script.Count} recorded exchange(s) never requested, next: {(_script.Count > 0 ? _script.Peek().Describe() : "")}. Requests seen:\n{string.Join("\n", _seen)}");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _seen.Add($"{request.Method} {path}");
        Assert.True(_script.Count > 0, $"Unexpected request {request.Method} {path}: the recording has no more exchanges.");
        var exchange = _script.Dequeue();
        if (exchange.Throw is { } failure) throw new HttpRequestException(failure);

        Assert.Equal(exchange.Method, request.Method.Method);
        Assert.True(Matches(exchange.Path, path), $"Expected {exchange.Method} {exchange.Path}, got {request.Method} {path}");
        if (exchange.Body is null)
        {
            Assert.True(string.IsNullOrEmpty(body), $"{request.Method} {path} should have no body, got {body}");
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(body), $"{request.Method} {path} should have a body");
            var actual = JsonNode.Parse(body!);
            var mismatches = new List<string>();
            Match(exchange.Body, actual, "$", mismatches);
            Assert.True(mismatches.Count == 0, $"{request.Method} {path} body differs from the recording:\n{string.Join("\n", mismatches)}\nActual: {body}");
            using var document = JsonDocument.Parse(body!);
            var schemaErrors = QdrantOpenApi.Instance.ValidateRequest(request.Method.Method, path, document.RootElement);
            Assert.True(schemaErrors.Count == 0, $"{request.Method} {path} body violates Qdrant's OpenAPI schema:\n{string.Join("\n", schemaErrors)}");
        }

        return new HttpResponseMessage((HttpStatusCode)exchange.Status)
        {
            Content = new StringContent(exchange.ResponseText, Encoding.UTF8, exchange.ResponseIsJson ? "application/json" : "text/plain"),
            RequestMessage = request,
        };
    }

    private static bool Matches(string expected, string actual) =>
        expected == "<any>" || (expected.StartsWith('~') ? Regex.IsMatch(actual, expected[1..]) : expected == actual);

    public static void Match(JsonNode? expected, JsonNode? actual, string at, List<string> mismatches)
    {
        switch (expected)
        {
            case JsonValue v when v.TryGetValue<string>(out var s) && s == "<any>":
                return;
            case JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('~'):
                if (actual is not JsonValue a || !a.TryGetValue<string>(out var text) || !Regex.IsMatch(text, s[1..]))
                    mismatches.Add($"{at}: expected a string matching /{s[1..]}/, got {actual?.ToJsonString() ?? "nothing"}");
                return;
            case null:
                if (actual is not null) mismatches.Add($"{at}: expected null, got {actual.ToJsonString()}");
                return;
            case JsonObject eo:
                if (actual is not JsonObject ao) { mismatches.Add($"{at}: expected an object, got {actual?.ToJsonString() ?? "nothing"}"); return; }
                var open = eo.TryGetPropertyValue("<more>", out var more) && more?.GetValue<bool>() == true;
                foreach (var (key, value) in eo)
                {
                    if (key == "<more>") continue;
                    if (!ao.TryGetPropertyValue(key, out var actualValue)) mismatches.Add($"{at}.{key}: missing");
                    else Match(value, actualValue, $"{at}.{key}", mismatches);
                }
                if (!open)
                    foreach (var (key, _) in ao)
                        if (!eo.ContainsKey(key)) mismatches.Add($"{at}.{key}: not in the recording");
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa) { mismatches.Add($"{at}: expected an array, got {actual?.ToJsonString() ?? "nothing"}"); return; }
                if (ea.Count != aa.Count) { mismatches.Add($"{at}: expected {ea.Count} items, got {aa.Count}: {aa.ToJsonString()}"); return; }
                for (var i = 0; i < ea.Count; i++) Match(ea[i], aa[i], $"{at}[{i}]", mismatches);
                return;
            case JsonValue ev:
                if (actual is not JsonValue av) { mismatches.Add($"{at}: expected {ev.ToJsonString()}, got {actual?.ToJsonString() ?? "nothing"}"); return; }
                if (ev.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number)
                {
                    double e = ev.GetValue<double>(), x = av.GetValue<double>();
                    if (Math.Abs(e - x) > 1e-5 * Math.Max(1, Math.Abs(e))) mismatches.Add($"{at}: expected {e}, got {x}");
                }
                else if (!JsonNode.DeepEquals(ev, av)) mismatches.Add($"{at}: expected {ev.ToJsonString()}, got {av.ToJsonString()}");
                return;
        }
    }

    public sealed record Exchange(string Method, string Path, JsonNode? Body, int Status, string ResponseText, bool ResponseIsJson, string? Throw)
    {
        public JsonElement? ResponseJson => ResponseIsJson ? JsonDocument.Parse(ResponseText).RootElement : null;

        public string Describe() => Throw is null ? $"{Method} {Path} → {Status}" : $"{Method} {Path} → throws";

        public static Exchange From(JsonNode node)
        {
            var request = node["request"]!;
            var response = node["response"];
            var body = response?["body"];
            return new Exchange(
                request["method"]!.GetValue<string>(),
                request["path"]!.GetValue<string>(),
                request["body"]?.DeepClone(),
                response?["status"]?.GetValue<int>() ?? 0,
                body is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : body?.ToJsonString() ?? "",
                body is not null && !(body is JsonValue t && t.GetValueKind() == JsonValueKind.String),
                node["throw"]?.GetValue<string>());
        }
    }
}
