using KeHoach57.Tests.Shared;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>
/// The server on the repository's five plans (not the small test corpus): quiz items need distractors from other
/// rows and plans, and "which plan" questions need at least four plans.
/// </summary>
public sealed class PlansServer : IAsyncLifetime
{
    private readonly LoopbackServer _server = LoopbackServer.With(new Dictionary<string, string?> { ["Corpus:Path"] = TestAssistant.RepositoryCorpus });

    public Uri BaseAddress => _server.BaseAddress;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        Client = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
    }
}
