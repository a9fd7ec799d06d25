using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Channels.Zalo;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Channels.Tests;

public sealed class ZaloTokenProviderTests : IAsyncLifetime
{
    private readonly TestCorpus _folders = new();
    private FakeZaloApi _zalo = null!;
    private ServiceProvider _http = null!;

    public async ValueTask InitializeAsync()
    {
        _zalo = await FakeZaloApi.StartAsync();
        _http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _http.DisposeAsync();
        await _zalo.DisposeAsync();
        _folders.Dispose();
    }

    private ZaloTokenProvider Provider(string? refreshToken = null) => new(
        _http.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new ZaloOptions
        {
            AppId = FakeZaloApi.AppId,
            AppSecret = FakeZaloApi.AppSecret,
            RefreshToken = refreshToken ?? _zalo.RefreshToken,
            OAuthBaseUrl = _zalo.BaseUrl,
        }),
        Options.Create(new IndexOptions { DataPath = _folders.DataPath }),
        TimeProvider.System,
        NullLogger<ZaloTokenProvider>.Instance);

    [Fact]
    public async Task Concurrent_refreshes_spend_the_single_use_refresh_token_once()
    {
        _zalo.RefreshDelay = TimeSpan.FromMilliseconds(300);
        var provider = Provider();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => provider.RefreshAsync("access-1", CancellationToken.None))));

        Assert.All(tokens, t => Assert.Equal("access-2", t));
        Assert.Equal(["refresh-1"], _zalo.PresentedRefreshTokens);
        Assert.Equal("access-2", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Single(_zalo.PresentedRefreshTokens);
    }

    [Fact]
    public async Task Bootstrap_without_access_token_refreshes_first_and_saves_the_pair()
    {
        var provider = Provider();
        Assert.Equal("access-2", await provider.GetAccessTokenAsync(CancellationToken.None));

        var saved = new ZaloTokenStore(provider.TokenFile).Load()!;
        Assert.Equal(("access-2", "refresh-2"), (saved.AccessToken, saved.RefreshToken));
        Assert.True(saved.ExpiresAt > DateTimeOffset.UtcNow.AddHours(24));
        Assert.Empty(Directory.GetFiles(_folders.DataPath, "*.tmp"));
    }

    [Fact]
    public async Task Refused_refresh_is_reported_and_keeps_the_saved_pair()
    {
        var provider = Provider(refreshToken: "refresh-stolen");
        var error = await Assert.ThrowsAsync<ZaloApiException>(() => provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(-14014, error.Code);
        Assert.False(File.Exists(provider.TokenFile));
    }
}
