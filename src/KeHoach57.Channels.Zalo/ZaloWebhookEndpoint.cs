using System.Security.Cryptography;
using KeHoach57.Conversations.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Zalo;

/// <summary>
/// POST /zalo/webhook: verifies X-ZEvent-Signature over the raw body and the event's freshness (a signed event
/// captured and posted again later is refused), takes user_send_text events into the inbox and answers 200 at
/// once; <see cref="ZaloWorker"/> replies later. Zalo disables a webhook that keeps failing, so only forged,
/// replayed or unreadable calls get an error; everything else is acknowledged.
/// </summary>
public static class ZaloWebhookEndpoint
{
    public const string Path = "/zalo/webhook";
    private const int MaxBodyBytes = 256 * 1024;

    public static async Task<IResult> HandleAsync(HttpContext context, ZaloInbox inbox, IOptions<ZaloOptions> options, TimeProvider clock, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(ZaloWebhookEndpoint).FullName!);
        try
        {
            return await AcceptAsync(context, inbox, options.Value, clock, logger);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A bug of ours must not count as a failed delivery: Zalo disables webhooks that keep failing.
            logger.LogError(ex, "Zalo webhook failed; event dropped");
            return Results.Ok();
        }
    }

    private static async Task<IResult> AcceptAsync(HttpContext context, ZaloInbox inbox, ZaloOptions o, TimeProvider clock, ILogger logger)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        // An empty POST carries no event (Zalo's URL check sends one): nothing to verify, nothing to do.
        if (body.Length == 0) return Results.Ok();
        if (string.IsNullOrEmpty(o.AppId) || string.IsNullOrEmpty(o.SecretKey))
        {
            logger.LogError("Zalo webhook called but Zalo__AppId / Zalo__SecretKey are not set; refusing");
            return Results.Unauthorized();
        }
        var evt = ZaloEvent.TryParse(body);
        if (evt is null)
        {
            logger.LogWarning("Zalo webhook body is not a JSON object");
            return Results.BadRequest();
        }
        if (evt.AppId != o.AppId || !ZaloSignature.Verify(context.Request.Headers[ZaloSignature.Header], evt.AppId, body, evt.Timestamp, o.SecretKey))
        {
            logger.LogWarning("Zalo webhook call with a wrong signature or app id from {Remote}", context.Connection.RemoteIpAddress);
            return Results.Unauthorized();
        }
        if (!evt.IsFresh(clock.GetUtcNow(), TimeSpan.FromMinutes(Math.Max(1, o.EventMaxAgeMinutes)), TimeSpan.FromSeconds(Math.Max(0, o.EventMaxSkewSeconds))))
        {
            logger.LogWarning("Zalo event {Event} with timestamp {Timestamp} is outside the freshness window; refused as a replay", evt.EventName, evt.Timestamp);
            return Results.Unauthorized();
        }

        if (evt.EventName != ZaloEvent.UserSendText || string.IsNullOrEmpty(evt.SenderId) || string.IsNullOrWhiteSpace(evt.Text))
            return Results.Ok();
        var messageId = evt.MessageId ?? Convert.ToHexString(SHA256.HashData(body));
        switch (await inbox.OfferAsync(new ZaloIncoming(evt.SenderId, evt.Text, messageId, evt.MessageId), context.RequestAborted))
        {
            case InboxOffer.Duplicate:
                logger.LogInformation("Zalo message {Message} delivered again; already taken", messageId);
                break;
            case InboxOffer.Full:
                logger.LogError("Inbox full; Zalo message {Message} from {User} dropped", messageId, evt.SenderId);
                break;
        }
        return Results.Ok();
    }

    /// <summary>The raw body, or null when it exceeds the limit (events are small; a huge body is not Zalo).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
