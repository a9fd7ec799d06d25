using System.Text.Json;
using KeHoach57.Core;
using KeHoach57.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static KeHoach57.Channels.Zalo.ZaloJson;

namespace KeHoach57.Channels.Zalo;

/// <summary>
/// Hands out the OA access token and rotates it through Zalo's OAuth endpoint. Refreshes are single-flight:
/// callers that find the token stale wait for the one refresh in progress and get its result, so the
/// single-use refresh token is never presented twice. The new pair is on disk before anyone uses it.
/// One process per token file: two servers sharing one OA must not both refresh.
/// </summary>
public sealed class ZaloTokenProvider
{
    public const string OAuthClientName = "zalo-oauth";

    private readonly IHttpClientFactory _httpClients;
    private readonly ZaloOptions _options;
    private readonly ZaloTokenStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _loadGate = new();
    private ZaloTokenPair? _current;
    private bool _loaded;

    public ZaloTokenProvider(IHttpClientFactory httpClients, IOptions<ZaloOptions> options, IOptions<IndexOptions> index, TimeProvider clock, ILogger<ZaloTokenProvider> logger)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _store = new ZaloTokenStore(Path.Combine(RepositoryPaths.Resolve(index.Value.DataPath), _options.TokenFile));
        _clock = clock;
        _logger = logger;
    }

    public string TokenFile => _store.Path;

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var current = Current();
        if (IsUsable(current)) return current!.AccessToken!;
        return await RefreshAsync(current?.AccessToken, cancellationToken);
    }

    /// <summary>Gets a new access token because <paramref name="rejected"/> no longer works. If another caller has
    /// already replaced it, that newer token is returned without a second refresh.</summary>
    public async Task<string> RefreshAsync(string? rejected, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var current = Current();
            if (IsUsable(current) && current!.AccessToken != rejected) return current.AccessToken!;
            if (string.IsNullOrEmpty(current?.RefreshToken))
                throw new ZaloApiException(0, "No Zalo refresh token: set Zalo__RefreshToken once to bootstrap (see docs/channels.md).");
            // Not cancellable from here on: once Zalo has the refresh token it is spent, and the new pair must be kept.
            var fresh = await RequestAsync(current.RefreshToken, CancellationToken.None);
            Persist(fresh);
            _current = fresh;
            _logger.LogInformation("Zalo access token refreshed; valid until {Expiry}", fresh.ExpiresAt);
            return fresh.AccessToken!;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private bool IsUsable(ZaloTokenPair? pair) =>
        !string.IsNullOrEmpty(pair?.AccessToken) && pair.ExpiresAt - TimeSpan.FromSeconds(_options.RefreshBeforeExpirySeconds) > _clock.GetUtcNow();

    private ZaloTokenPair? Current()
    {
        lock (_loadGate)
        {
            if (_loaded) return _current;
            _current = _store.Load() ?? Bootstrap();
            _loaded = true;
            return _current;
        }
    }

    // The configured token only starts the chain: after the first rotation it is spent and the file wins.
    private ZaloTokenPair? Bootstrap() => string.IsNullOrWhiteSpace(_options.RefreshToken)
        ? null
        : new ZaloTokenPair(_options.AccessToken?.Trim(), _options.RefreshToken.Trim(),
            string.IsNullOrWhiteSpace(_options.AccessToken) ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue);

    private void Persist(ZaloTokenPair fresh)
    {
        try
        {
            _store.Save(fresh);
        }
        catch (Exception ex)
        {
            // Kept in memory regardless: it is the only valid pair left. A restart before the next successful
            // save will need the OA re-authorised.
            _logger.LogCritical(ex, "Could not save the rotated Zalo tokens to {Path}", _store.Path);
        }
    }

    private async Task<ZaloTokenPair> RequestAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.OAuthBaseUrl.TrimEnd('/') + "/v4/oa/access_token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["refresh_token"] = refreshToken,
                ["app_id"] = _options.AppId ?? "",
                ["grant_type"] = "refresh_token",
            }),
        };
        request.Headers.TryAddWithoutValidation("secret_key", _options.AppSecret ?? "");
        using var response = await _httpClients.CreateClient(OAuthClientName).SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var access = Scalar(root, "access_token");
            var refresh = Scalar(root, "refresh_token");
            if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(access) && !string.IsNullOrEmpty(refresh))
            {
                var seconds = long.TryParse(Scalar(root, "expires_in"), out var s) ? s : 3600;
                return new ZaloTokenPair(access, refresh, _clock.GetUtcNow().AddSeconds(seconds));
            }
            throw new ZaloApiException(int.TryParse(Scalar(root, "error"), out var code) ? code : (int)response.StatusCode,
                $"Zalo token refresh refused: {Scalar(root, "error_name")} {Scalar(root, "error_description") ?? Scalar(root, "message")}".Trim());
        }
        catch (JsonException)
        {
            throw new ZaloApiException((int)response.StatusCode, "Zalo token refresh returned a body that is not JSON");
        }
    }
}
