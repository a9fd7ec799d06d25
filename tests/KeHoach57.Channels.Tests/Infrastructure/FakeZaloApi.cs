using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using KeHoach57.Channels.Zalo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Channels.Tests.Infrastructure;

/// <summary>A text the OA sent, with the access token it was sent with and the token file's content at that moment.</summary>
/// <param name="Buttons">The "oa.open.url" buttons under the text (empty for a plain text message).</param>
/// <param name="QuoteMessageId">The user's msg_id the message replies to, if it quotes one.</param>
public sealed record ZaloSent(string UserId, string Text, string AccessToken, string? TokenFileThen,
    IReadOnlyList<ZaloUrlButton>? Buttons = null, string? QuoteMessageId = null)
{
    public IReadOnlyList<ZaloUrlButton> UrlButtons => Buttons ?? [];
}

/// <summary>
/// A local stand-in for openapi.zalo.me (POST /v3.0/oa/message/cs) and oauth.zaloapp.com
/// (POST /v4/oa/access_token) on 127.0.0.1. Refresh tokens are single-use as on the real service; an
/// unknown or outdated access token gets {"error":-216}; a stale refresh token gets an OAuth error.
/// Messages are checked as the OA API checks consultation messages: text of 1–2,000 characters, and for a
/// message with buttons, message.attachment = {type: "template", payload: {buttons: [1–5 × {title ≤ 100,
/// type, payload}]}} with an absolute http(s) payload.url for "oa.open.url"; anything else gets
/// {"error":-201,"message":"Parameters are invalid"}.
/// </summary>
public sealed class FakeZaloApi : LoopbackServer
{
    public const string AppId = "1234567890";
    public const string OaSecretKey = "oa-secret-TEST";
    public const string AppSecret = "app-secret-TEST";

    private readonly ConcurrentQueue<ZaloSent> _sent = new();
    private readonly ConcurrentQueue<int> _sendFailures = new();
    private readonly ConcurrentQueue<string> _presentedRefreshTokens = new();
    private readonly Lock _gate = new();
    private int _generation = 1;
    private readonly HashSet<string> _expired = [];
    private int _sendAttempts;

    /// <summary>The currently valid pair, as the real service would hold it.</summary>
    public string? AccessToken { get; private set; } = "access-1";
    public string RefreshToken { get; private set; } = "refresh-1";

    /// <summary>Makes the token refresh slow, so concurrent refreshes overlap.</summary>
    public TimeSpan RefreshDelay { get; set; }

    /// <summary>Read at each delivery, to check the new pair was saved before it was used.</summary>
    public string? TokenFileToWatch { get; set; }

    /// <summary>Refuse messages with buttons (-201), as for an OA not allowed to send them, to exercise the text fallback.</summary>
    public bool RejectButtons { get; set; }

    /// <summary>Messages refused as malformed, with the reason, so a test can show what was wrong.</summary>
    public IReadOnlyList<string> Refused => _refused.ToList();

    private readonly ConcurrentQueue<string> _refused = new();

    public IReadOnlyList<ZaloSent> Sent => _sent.ToList();
    public IReadOnlyList<string> PresentedRefreshTokens => _presentedRefreshTokens.ToList();
    public int SendAttempts => _sendAttempts;

    public static Task<FakeZaloApi> StartAsync() => StartAsync(new FakeZaloApi());

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v3.0/oa/message/cs", SendAsync);
        app.MapPost("/v4/oa/access_token", RefreshAsync);
    }

    /// <summary>The access token stops working (Zalo's -220 "expired"), as after 25 hours.</summary>
    public void ExpireAccessToken()
    {
        lock (_gate)
        {
            if (AccessToken is not null) _expired.Add(AccessToken);
            AccessToken = null;
        }
    }

    public void FailNextSends(params int[] statuses)
    {
        foreach (var s in statuses) _sendFailures.Enqueue(s);
    }

    public Task<IReadOnlyList<ZaloSent>> WaitForMessagesAsync(int count) =>
        Eventually.WaitAsync(() => Sent, s => s.Count >= count, $"{count} Zalo message(s)");

    /// <summary>A webhook body and its X-ZEvent-Signature, signed as Zalo signs (or with another key).</summary>
    public static (byte[] Body, string Signature) SignedText(string userId, string text, string messageId, string secret = OaSecretKey,
        DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString();
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["app_id"] = AppId,
            ["user_id_by_app"] = "app-user-" + userId,
            ["event_name"] = "user_send_text",
            ["timestamp"] = timestamp,
            ["sender"] = new JsonObject { ["id"] = userId },
            ["recipient"] = new JsonObject { ["id"] = "oa-1" },
            ["message"] = new JsonObject { ["text"] = text, ["msg_id"] = messageId },
        }.ToJsonString());
        return (body, ZaloSignature.HeaderValue(AppId, body, timestamp, secret));
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _sendAttempts);
        if (_sendFailures.TryDequeue(out var status)) return Results.StatusCode(status);
        var token = request.Headers["access_token"].ToString();
        var body = (await JsonNode.ParseAsync(request.Body))!;
        lock (_gate)
        {
            if (token != AccessToken)
                return _expired.Contains(token)
                    ? Json(new JsonObject { ["error"] = -220, ["message"] = "Access token is expired or removed" })
                    : Json(new JsonObject { ["error"] = -216, ["message"] = "Access token is invalid" });
        }
        var (text, buttons, problem) = ReadMessage(body["message"]);
        if (problem is null && buttons.Count > 0 && RejectButtons) problem = "this OA may not send messages with buttons";
        if (problem is not null)
        {
            _refused.Enqueue(problem);
            return Json(new JsonObject { ["error"] = -201, ["message"] = "Parameters are invalid" });
        }
        var fileNow = TokenFileToWatch is { } path && File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
        _sent.Enqueue(new ZaloSent((string)body["recipient"]!["user_id"]!, text!, token, fileNow, buttons,
            (string?)body["message"]?["quote_message_id"]));
        return Json(new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["message_id"] = Guid.NewGuid().ToString("N") } });
    }

    private static readonly string[] ButtonTypes = ["oa.open.url", "oa.query.show", "oa.query.hide", "oa.open.sms", "oa.open.phone"];

    private static (string? Text, List<ZaloUrlButton> Buttons, string? Problem) ReadMessage(JsonNode? message)
    {
        var buttons = new List<ZaloUrlButton>();
        if (message is not JsonObject m) return (null, buttons, "message is missing");
        var text = Str(m["text"]);
        if (text is null || text.Length is 0 or > ZaloOptions.MessageLimit) return (text, buttons, $"text must have 1–{ZaloOptions.MessageLimit} characters");
        if (m["attachment"] is not { } attachment) return (text, buttons, null);
        if (attachment is not JsonObject a || Str(a["type"]) != "template" || a["payload"] is not JsonObject payload || payload["buttons"] is not JsonArray list)
            return (text, buttons, "attachment must be a template with buttons");
        if (list.Count is 0 or > ZaloClient.MaxButtons) return (text, buttons, $"1–{ZaloClient.MaxButtons} buttons");
        foreach (var node in list)
        {
            if (node is not JsonObject button) return (text, buttons, "a button must be an object");
            var title = Str(button["title"]);
            var type = Str(button["type"]);
            if (string.IsNullOrEmpty(title) || title.Length > ZaloClient.ButtonTitleLimit) return (text, buttons, $"button title must have 1–{ZaloClient.ButtonTitleLimit} characters");
            if (!ButtonTypes.Contains(type)) return (text, buttons, $"unknown button type {type}");
            if (type != "oa.open.url") continue;
            var url = button["payload"] is JsonObject target ? Str(target["url"]) : null;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return (text, buttons, "oa.open.url needs payload.url, an absolute http(s) address");
            buttons.Add(new ZaloUrlButton(title, url!));
        }
        return (text, buttons, null);
    }

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private async Task<IResult> RefreshAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var presented = form["refresh_token"].ToString();
        _presentedRefreshTokens.Enqueue(presented);
        if (RefreshDelay > TimeSpan.Zero) await Task.Delay(RefreshDelay);
        lock (_gate)
        {
            if (request.Headers["secret_key"] != AppSecret || form["app_id"] != AppId || form["grant_type"] != "refresh_token")
                return Json(new JsonObject { ["error"] = -14002, ["error_name"] = "Invalid app", ["error_description"] = "app_id or secret_key is wrong" });
            if (presented != RefreshToken)
                return Json(new JsonObject { ["error"] = -14014, ["error_name"] = "Invalid refresh token", ["error_description"] = "refresh token is used or expired" });
            _generation++;
            AccessToken = $"access-{_generation}";
            RefreshToken = $"refresh-{_generation}";
            return Json(new JsonObject { ["access_token"] = AccessToken, ["refresh_token"] = RefreshToken, ["expires_in"] = "90000" });
        }
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
