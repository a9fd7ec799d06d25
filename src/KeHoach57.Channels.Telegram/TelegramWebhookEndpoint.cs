using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KeHoach57.Conversations.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace KeHoach57.Channels.Telegram;

/// <summary>
/// POST /telegram/webhook: checks Telegram's secret header, takes the update into the inbox and answers 200
/// at once; the reply is sent later by <see cref="TelegramWorker"/>. Never 500: Telegram would redeliver
/// the same update again and again.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const long MaxBodyBytes = 1 << 20;

    public static async Task<IResult> HandleAsync(HttpContext context, TelegramInbox inbox, IOptions<TelegramOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TelegramWebhookEndpoint).FullName!);
        // Polling or off: no webhook is registered, so whatever arrives here is not from Telegram for us.
        if (options.Value.ModeKind != TelegramMode.Webhook) return Results.NotFound();
        if (!SecretMatches(options.Value.WebhookSecret, context.Request.Headers[SecretHeader]))
        {
            logger.LogWarning("Telegram webhook call without the right secret token from {Remote}", context.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }
        try
        {
            return await AcceptAsync(context, inbox, logger);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A bug of ours must not turn into Telegram redelivering this update forever: log it and move on.
            logger.LogError(ex, "Telegram webhook failed; update dropped");
            return Results.Ok();
        }
    }

    private static async Task<IResult> AcceptAsync(HttpContext context, TelegramInbox inbox, ILogger logger)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException or NotSupportedException)
        {
            logger.LogWarning(ex, "Telegram webhook body is not an update");
            return Results.BadRequest();
        }
        if (update is null)
        {
            logger.LogWarning("Telegram webhook body is empty");
            return Results.BadRequest();
        }

        switch (await inbox.OfferAsync(update, context.RequestAborted))
        {
            case InboxOffer.Duplicate:
                logger.LogInformation("Telegram update {Update} delivered again; already taken", update.Id);
                break;
            case InboxOffer.Full:
                // Telegram keeps the update and retries later: better late than dropped.
                logger.LogWarning("Inbox full; asking Telegram to redeliver update {Update}", update.Id);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Ok();
    }

    /// <summary>Constant-time, so the secret cannot be guessed a character at a time. No configured secret: nothing matches.</summary>
    public static bool SecretMatches(string? expected, string? presented)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
