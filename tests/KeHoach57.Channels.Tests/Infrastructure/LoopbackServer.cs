using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Channels.Tests.Infrastructure;

/// <summary>A minimal Kestrel app on 127.0.0.1 and a free port, standing in for a remote API.</summary>
public abstract class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    protected LoopbackServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
    }

    public string BaseUrl => _app.Urls.First();

    protected abstract void Map(WebApplication app);

    protected static async Task<T> StartAsync<T>(T server) where T : LoopbackServer
    {
        server.Map(server._app);
        await server._app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
