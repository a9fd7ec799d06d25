using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using static KeHoach57.Channels.Zalo.ZaloJson;

namespace KeHoach57.Channels.Zalo;

/// <summary>A button under a consultation message that opens an address (Zalo's "oa.open.url").</summary>
/// <param name="Title">At most <see cref="ZaloClient.ButtonTitleLimit"/> characters.</param>
public sealed record ZaloUrlButton(string Title, string Url);

/// <summary>
/// Sends consultation messages through the OA API (POST {ApiBaseUrl}/v3.0/oa/message/cs, header access_token):
/// plain text, or text with buttons (message.attachment = {type: "template", payload: {buttons: [...]}}).
/// A reply quotes the user's message (message.quote_message_id), which makes it a reply within Zalo's 48-hour
/// window rather than a message the OA starts (docs/channels.md cites the policy).
/// HTTP failures are retried by the "zalo-api" client's resilience pipeline; a rejected access token
/// (-216 invalid, -220 expired) is refreshed once and the message sent again; any other error code is thrown
/// as <see cref="ZaloApiException"/>.
/// </summary>
public sealed class ZaloClient(IHttpClientFactory httpClients, ZaloTokenProvider tokens, IOptions<ZaloOptions> options)
{
    public const string ApiClientName = "zalo-api";

    /// <summary>Zalo's limits for the buttons of one message.</summary>
    public const int MaxButtons = 5, ButtonTitleLimit = 100;

    private static readonly int[] TokenRejected = [-216, -220];

    // A message that answers nothing has no quote_message_id at all, not a null one.
    private static readonly System.Text.Json.JsonSerializerOptions OmitNulls =
        new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <param name="replyTo">The msg_id of the user's message this answers, when there is one.</param>
    public Task SendTextAsync(string userId, string text, string? replyTo, CancellationToken cancellationToken) =>
        SendAsync(userId, replyTo is null ? new { text } : new { text, quote_message_id = replyTo }, cancellationToken);

    /// <summary>Text with up to <see cref="MaxButtons"/> buttons that open addresses.</summary>
    public Task SendWithButtonsAsync(string userId, string text, IReadOnlyList<ZaloUrlButton> buttons, string? replyTo, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buttons.Count, MaxButtons);
        var message = new
        {
            text,
            quote_message_id = replyTo,
            attachment = new
            {
                type = "template",
                payload = new
                {
                    buttons = buttons.Select(b => new { title = b.Title, type = "oa.open.url", payload = new { url = b.Url } }).ToList(),
                },
            },
        };
        return SendAsync(userId, message, cancellationToken);
    }

    private async Task SendAsync(string userId, object message, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        var (code, text) = await PostAsync(token, userId, message, cancellationToken);
        if (TokenRejected.Contains(code))
        {
            token = await tokens.RefreshAsync(token, cancellationToken);
            (code, text) = await PostAsync(token, userId, message, cancellationToken);
        }
        if (code != 0) throw new ZaloApiException(code, text);
    }

    private async Task<(int Code, string Message)> PostAsync(string accessToken, string userId, object message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.ApiBaseUrl.TrimEnd('/') + "/v3.0/oa/message/cs")
        {
            Content = JsonContent.Create(new { recipient = new { user_id = userId }, message }, options: OmitNulls),
        };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        using var response = await httpClients.CreateClient(ApiClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var code = int.TryParse(Scalar(json.RootElement, "error"), out var c) ? c : 0;
            return (code, Scalar(json.RootElement, "message") ?? "");
        }
        catch (JsonException)
        {
            return (-1, "response is not JSON");
        }
    }
}
