using KeHoach57.Conversations.Channels;

namespace KeHoach57.Channels.Zalo;

/// <summary>Section "Zalo". Secrets come from the environment or user secrets (Zalo__AppId, Zalo__SecretKey,
/// Zalo__AppSecret, Zalo__RefreshToken), never from files in the repository.</summary>
public sealed class ZaloOptions : ChannelOptions
{
    public const string Section = "Zalo";

    /// <summary>Zalo's limit for one consultation text message.</summary>
    public const int MessageLimit = 2000;

    public string? AppId { get; set; }

    /// <summary>The OA secret key: signs webhook events (X-ZEvent-Signature).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The app's secret key: the secret_key header of OAuth token requests.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Bootstrap only: the first refresh token. Once rotated, the token file under the data folder is the truth.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Bootstrap only, optional: an access token to use until Zalo rejects it.</summary>
    public string? AccessToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Where the rotating token pair is kept, relative to the data folder (Index:DataPath).</summary>
    public string TokenFile { get; set; } = "zalo-tokens.json";

    /// <summary>
    /// An event whose timestamp is older than this is refused as a replay. Kept well inside the duplicate
    /// window (<see cref="ChannelOptions.DuplicateWindowMinutes"/>), so a captured event is either too old or
    /// still remembered by its msg_id: it is never answered twice.
    /// </summary>
    public int EventMaxAgeMinutes { get; set; } = 15;

    /// <summary>How far ahead of this server's clock an event's timestamp may be (clock skew).</summary>
    public int EventMaxSkewSeconds { get; set; } = 120;

    /// <summary>An access token this close to expiry is refreshed before use.</summary>
    public int RefreshBeforeExpirySeconds { get; set; } = 300;
}
