using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>
/// The real Program on Kestrel at 127.0.0.1 with a free port: a browser cannot reach the in-memory TestServer.
/// </summary>
public sealed class LoopbackServer : IAsyncLifetime
{
    public LoopbackServer() : this(null) { }

    // Private: an xUnit class fixture must have exactly one public constructor.
    private LoopbackServer(IDictionary<string, string?>? settings) => Factory = new(settings);

    public static LoopbackServer With(IDictionary<string, string?> settings) => new(settings);

    public AssistantServerFactory Factory { get; }
    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
        using var client = new HttpClient { BaseAddress = BaseAddress };
        await AssistantServerFactory.WaitUntilReadyAsync(client);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
