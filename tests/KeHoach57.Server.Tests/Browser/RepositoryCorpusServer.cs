using KeHoach57.Server.Tests.Infrastructure;
using KeHoach57.Tests.Shared;

namespace KeHoach57.Server.Tests.Browser;

/// <summary>The real server on loopback over the repository's five plans (OCR text and all), as people will see it.</summary>
public sealed class RepositoryCorpusServer : IAsyncLifetime
{
    public LoopbackServer Server { get; } = LoopbackServer.With(new Dictionary<string, string?> { ["Corpus:Path"] = TestAssistant.RepositoryCorpus });

    public Uri Url(string path) => new(Server.BaseAddress, path);

    public ValueTask InitializeAsync() => Server.InitializeAsync();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
