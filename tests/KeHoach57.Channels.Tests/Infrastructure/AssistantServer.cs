using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Channels.Tests.Infrastructure;

/// <summary>The real server (Program.cs) in memory, its corpus, data and channel settings pointed at temp folders
/// and local fakes through configuration.</summary>
public sealed class AssistantServer(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string WebhookSecret = "test-secret_0123456789";

    public static Dictionary<string, string?> TelegramSettings(TestCorpus corpus, FakeTelegramApi? telegram) => new(corpus.Settings())
    {
        ["Telegram:Mode"] = "webhook",
        ["Telegram:BotToken"] = FakeTelegramApi.Token,
        ["Telegram:WebhookSecret"] = WebhookSecret,
        ["Telegram:BaseUrl"] = telegram?.BaseUrl ?? "http://127.0.0.1:9",
        ["Telegram:RetryBaseDelayMilliseconds"] = "20",
    };

    public static Dictionary<string, string?> ZaloSettings(TestCorpus corpus, FakeZaloApi zalo) => new(corpus.Settings())
    {
        ["Zalo:AppId"] = FakeZaloApi.AppId,
        ["Zalo:SecretKey"] = FakeZaloApi.OaSecretKey,
        ["Zalo:AppSecret"] = FakeZaloApi.AppSecret,
        ["Zalo:RefreshToken"] = zalo.RefreshToken,
        ["Zalo:AccessToken"] = zalo.AccessToken,
        ["Zalo:ApiBaseUrl"] = zalo.BaseUrl,
        ["Zalo:OAuthBaseUrl"] = zalo.BaseUrl,
        ["Zalo:RetryBaseDelayMilliseconds"] = "20",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public async Task<HttpResponseMessage> PostTelegramAsync(string updateJson, string? secret = WebhookSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(updateJson, System.Text.Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await CreateClient().SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostZaloAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null) request.Headers.Add("X-ZEvent-Signature", signature);
        return await CreateClient().SendAsync(request);
    }
}
