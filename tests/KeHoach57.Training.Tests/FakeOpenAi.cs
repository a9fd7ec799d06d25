using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Training.Tests;

/// <summary>
/// An OpenAI-compatible chat endpoint in this process on 127.0.0.1: POST /v1/chat/completions answered with the
/// real response shape, the reply chosen by the test; every request body is kept for the test to read.
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _requests = new();

    public Func<string, string> Reply { get; set; } = _ => "";

    public IReadOnlyList<JsonObject> Requests => _requests.ToList();

    public Uri Endpoint { get; private set; } = null!;

    private FakeOpenAi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
            _requests.Enqueue(body);
            var prompt = string.Join("\n", body["messages"]!.AsArray().Select(m => (string?)m!["content"] ?? ""));
            var response = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = (string?)body["model"],
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Reply(prompt) },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
            };
            return Results.Text(response.ToJsonString(), "application/json");
        });
    }

    public static async Task<FakeOpenAi> StartAsync()
    {
        var fake = new FakeOpenAi();
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
