using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using static KeHoach57.Channels.Zalo.ZaloJson;

namespace KeHoach57.Channels.Zalo;

/// <summary>
/// Sends consultation text messages through the OA API (POST {ApiBaseUrl}/v3.0/oa/message/cs, header access_token).
/// A reply quotes the user's message (message.quote_message_id), which makes it a reply within Zalo's 48-hour
/// window rather than a message the OA starts (docs/channels.md cites the policy).
/// HTTP failures are retried by the "zalo-api" client's resilience pipeline; a rejected access token
/// (-216 invalid, -220 expired) is refreshed once and the message sent again.
/// </summary>
public sealed class ZaloClient(IHttpClientFactory httpClients, ZaloTokenProvider tokens, IOptions<ZaloOptions> options)
{
    public const string ApiClientName = "zalo-api";
    private static readonly int[] TokenRejected = [-216, -220];

    /// <param name="replyTo">The msg_id of the user's message this answers, when there is one.</param>
    public async Task SendTextAsync(string userId, string text, string? replyTo, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        var (code, message) = await PostAsync(token, userId, text, replyTo, cancellationToken);
        if (TokenRejected.Contains(code))
        {
            token = await tokens.RefreshAsync(token, cancellationToken);
            (code, message) = await PostAsync(token, userId, text, replyTo, cancellationToken);
        }
        if (code != 0) throw new ZaloApiException(code, message);
    }

    private async Task<(int Code, string Message)> PostAsync(string accessToken, string userId, string text, string? replyTo, CancellationToken cancellationToken)
    {
        object message = replyTo is null ? new { text } : new { text, quote_message_id = replyTo };
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.ApiBaseUrl.TrimEnd('/') + "/v3.0/oa/message/cs")
        {
            Content = JsonContent.Create(new { recipient = new { user_id = userId }, message }),
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
