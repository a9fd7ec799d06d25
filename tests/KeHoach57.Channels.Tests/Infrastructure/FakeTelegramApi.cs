using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Channels.Tests.Infrastructure;

/// <summary>A message the bot sent, as the fake Bot API received it.</summary>
public sealed record SentMessage(long ChatId, string Text, string? ParseMode, int? ReplyToMessageId, JsonNode? ReplyMarkup)
{
    public IEnumerable<(string Text, string Data)> Buttons() =>
        ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => ((string)b!["text"]!, (string)b["callback_data"]!)) ?? [];
}

/// <summary>
/// A local stand-in for api.telegram.org on 127.0.0.1: POST /bot{token}/{method} with the real response
/// shapes ({"ok":true,"result":…} / {"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}).
/// Records every call; can fail the next sendMessage calls; serves queued updates to getUpdates. As the real Bot API,
/// getUpdates with an offset confirms (forgets) the updates before it, and a second getUpdates while one is waiting
/// ends the first with 409 Conflict ("terminated by other getUpdates request"), counted in <see cref="Conflicts"/>.
/// </summary>
public sealed class FakeTelegramApi : LoopbackServer
{
    public const string Token = "123456:TEST-token_abc";
    public const long BotId = 123456;
    public const string BotUsername = "kehoach57_bot";

    private readonly ConcurrentQueue<(string Method, JsonObject Body)> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failures = new();
    private readonly List<JsonObject> _updates = [];
    private readonly SemaphoreSlim _updateArrived = new(0);
    private int _nextMessageId = 5000;
    private readonly Lock _pollGate = new();
    private CancellationTokenSource? _waitingPoll;
    private long _confirmed;
    private int _conflicts;

    /// <summary>getUpdates calls ended by a concurrent getUpdates: two bot instances polling at once.</summary>
    public int Conflicts => _conflicts;

    public IReadOnlyList<(string Method, JsonObject Body)> Calls => _calls.ToList();

    public IReadOnlyList<SentMessage> Sent => Calls.Where(c => c.Method == "sendMessage" && c.Body["__status"] is null).Select(c => new SentMessage(
        long.Parse(c.Body["chat_id"]!.ToString()), (string)c.Body["text"]!, (string?)c.Body["parse_mode"],
        (int?)c.Body["reply_parameters"]?["message_id"], c.Body["reply_markup"]?.DeepClone())).ToList();

    public int CallCount(string method) => Calls.Count(c => c.Method == method);

    public static Task<FakeTelegramApi> StartAsync() => StartAsync(new FakeTelegramApi());

    protected override void Map(WebApplication app) => app.MapPost("/bot{token}/{method}", HandleAsync);

    /// <summary>The next sendMessage calls answer with these HTTP statuses (429 carries retry_after 1) before succeeding.</summary>
    public void FailNextSends(params int[] statuses) => FailNext("sendMessage", statuses);

    public void FailNext(string method, params int[] statuses)
    {
        var queue = _failures.GetOrAdd(method, _ => new ConcurrentQueue<int>());
        foreach (var s in statuses) queue.Enqueue(s);
    }

    public void QueueUpdate(string updateJson)
    {
        lock (_updates) _updates.Add(JsonNode.Parse(updateJson)!.AsObject());
        _updateArrived.Release();
    }

    public Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(int count) =>
        Eventually.WaitAsync(() => Sent, s => s.Count >= count, $"{count} Telegram message(s)");

    private async Task<IResult> HandleAsync(string token, string method, HttpRequest request)
    {
        if (token != Token) return Error(401, "Unauthorized");
        var body = await ReadBodyAsync(request);
        if (_failures.TryGetValue(method, out var failures) && failures.TryDequeue(out var status))
        {
            body["__status"] = status;
            _calls.Enqueue((method, body));
            return status == 429 ? Error(429, "Too Many Requests: retry after 1", retryAfter: 1) : Error(status, "Internal Server Error");
        }
        _calls.Enqueue((method, body));
        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Kế hoạch 57", ["username"] = BotUsername }),
            "sendMessage" => Ok(new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = long.Parse(body["chat_id"]!.ToString()), ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Kế hoạch 57", ["username"] = BotUsername },
                ["text"] = (string?)body["text"],
            }),
            "answerCallbackQuery" or "setWebhook" or "deleteWebhook" => Ok(true),
            "getUpdates" => await GetUpdatesAsync(body, request.HttpContext.RequestAborted),
            _ => Error(404, "Not Found: method not found"),
        };
    }

    private async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken clientGone)
    {
        // Linked to the client's connection: a poll whose client went away (a replica stopping) is nobody's conflict.
        var mine = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        CancellationTokenSource? previous;
        lock (_pollGate)
        {
            previous = _waitingPoll;
            _waitingPoll = mine;
        }
        // Not disposed: a later call may still cancel it after it ended, which is harmless.
        previous?.Cancel();
        try
        {
            return Ok(await PendingUpdatesAsync(body, mine.Token));
        }
        catch (OperationCanceledException) when (!clientGone.IsCancellationRequested)
        {
            Interlocked.Increment(ref _conflicts);
            return Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        }
        catch (OperationCanceledException)
        {
            return Results.Empty;
        }
        finally
        {
            lock (_pollGate) if (_waitingPoll == mine) _waitingPoll = null;
        }
    }

    private async Task<JsonArray> PendingUpdatesAsync(JsonObject body, CancellationToken cancellationToken)
    {
        long offset;
        lock (_updates)
        {
            // An offset confirms every update before it: they are not served again, even to a call without an offset.
            if ((long?)body["offset"] is { } given && given > _confirmed) _confirmed = given;
            offset = _confirmed;
        }
        var deadline = DateTime.UtcNow.AddSeconds(Math.Min((int?)body["timeout"] ?? 0, 2));
        while (true)
        {
            JsonObject[] ready;
            lock (_updates) ready = _updates.Where(u => (long)u["update_id"]! >= offset).ToArray();
            if (ready.Length > 0 || DateTime.UtcNow >= deadline) return new JsonArray(ready.Select(u => (JsonNode)u.DeepClone()).ToArray());
            await _updateArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var obj = new JsonObject();
            foreach (var (key, value) in form)
                obj[key] = value.ToString() is var s && (s.StartsWith('{') || s.StartsWith('[')) ? JsonNode.Parse(s) : JsonValue.Create(s);
            return obj;
        }
        var text = await new StreamReader(request.Body).ReadToEndAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
    }

    private static IResult Ok(JsonNode result) =>
        Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(int status, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter is { } s) body["parameters"] = new JsonObject { ["retry_after"] = s };
        return Results.Text(body.ToJsonString(), "application/json", statusCode: status);
    }
}

/// <summary>Update JSON as Telegram sends it (webhook body, or one element of getUpdates' result).</summary>
public static class TelegramUpdates
{
    private static int _nextUpdate = 700_000;
    private static int _nextMessage = 100;

    public static int NextMessageId => Interlocked.Increment(ref _nextMessage);

    public static string Text(long chatId, string text, string chatType = "private", int? messageId = null, bool replyToBot = false, int? updateId = null)
    {
        var message = Message(chatId, chatType, messageId ?? NextMessageId, text);
        if (replyToBot)
        {
            var botMessage = Message(chatId, chatType, NextMessageId, "Câu trả lời trước");
            botMessage["from"] = new JsonObject { ["id"] = FakeTelegramApi.BotId, ["is_bot"] = true, ["first_name"] = "Kế hoạch 57", ["username"] = FakeTelegramApi.BotUsername };
            message["reply_to_message"] = botMessage;
        }
        return new JsonObject { ["update_id"] = updateId ?? Interlocked.Increment(ref _nextUpdate), ["message"] = message }.ToJsonString();
    }

    public static string Location(long chatId)
    {
        var message = Message(chatId, "private", NextMessageId, "");
        message.Remove("text");
        message["location"] = new JsonObject { ["latitude"] = 21.03, ["longitude"] = 105.8 };
        return new JsonObject { ["update_id"] = Interlocked.Increment(ref _nextUpdate), ["message"] = message }.ToJsonString();
    }

    public static string Callback(long chatId, string data, string queryId = "cbq-1") => new JsonObject
    {
        ["update_id"] = Interlocked.Increment(ref _nextUpdate),
        ["callback_query"] = new JsonObject
        {
            ["id"] = queryId,
            ["from"] = User(chatId),
            ["chat_instance"] = "ci-" + chatId,
            ["data"] = data,
            ["message"] = Message(chatId, "private", NextMessageId, "Chọn kế hoạch"),
        },
    }.ToJsonString();

    private static JsonObject Message(long chatId, string chatType, int messageId, string text)
    {
        var chat = new JsonObject { ["id"] = chatId, ["type"] = chatType };
        if (chatType == "private") chat["first_name"] = "An";
        else chat["title"] = "Tổ công tác";
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = chat,
            ["from"] = User(chatType == "private" ? chatId : 42),
            ["text"] = text,
        };
        if (text.StartsWith('/'))
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length });
        return message;
    }

    private static JsonObject User(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "An", ["language_code"] = "vi" };
}
