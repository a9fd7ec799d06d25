using System.Text.Json;
using static KeHoach57.Channels.Zalo.ZaloJson;

namespace KeHoach57.Channels.Zalo;

/// <summary>
/// The fields of a Zalo OA webhook event this assistant uses, e.g.
/// {"app_id":"…","event_name":"user_send_text","timestamp":"1677721200000","sender":{"id":"…"},
///  "recipient":{"id":"…"},"message":{"msg_id":"…","text":"…"}}.
/// Read leniently: Zalo sends timestamp as a string, some tools as a number.
/// </summary>
public sealed record ZaloEvent(string AppId, string EventName, string Timestamp, string? SenderId, string? Text, string? MessageId)
{
    public const string UserSendText = "user_send_text";

    /// <summary>When Zalo says the event happened (the timestamp is epoch milliseconds), or null when unreadable.</summary>
    public DateTimeOffset? At =>
        long.TryParse(Timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) &&
        ms is > 0 and < 253_402_300_800_000
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>Whether the event is recent enough to be a live delivery rather than a replayed capture.</summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan maxAge, TimeSpan maxSkew) =>
        At is { } at && at >= now - maxAge && at <= now + maxSkew;

    /// <summary>Null when the body is not a JSON object.</summary>
    public static ZaloEvent? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            return new ZaloEvent(
                Scalar(root, "app_id") ?? "",
                Scalar(root, "event_name") ?? "",
                Scalar(root, "timestamp") ?? "",
                Scalar(Child(root, "sender"), "id"),
                Scalar(Child(root, "message"), "text"),
                Scalar(Child(root, "message"), "msg_id"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
