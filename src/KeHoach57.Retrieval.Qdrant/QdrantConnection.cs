using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// The process's one gRPC channel to Qdrant and the <see cref="QdrantClient"/> over it. Built here rather than by
/// QdrantClient's own constructors so that the channel has no gRPC retry policy (Polly retries instead, see
/// <see cref="QdrantCalls"/>: gRPC's retries stop silently once a call's messages pass 1 MB, which one upsert batch
/// easily does) and so that tests can put an in-process server's handler under it.
/// </summary>
public sealed class QdrantConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    /// <param name="handler">HTTP/2 transport; null for a real socket connection.</param>
    public QdrantConnection(QdrantOptions options, HttpMessageHandler? handler = null)
    {
        Address = options.Address;
        _channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = handler ?? new SocketsHttpHandler
            {
                // Dead connections are noticed between calls instead of failing the next one.
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                EnableMultipleHttp2Connections = true,
            },
            DisposeHttpClient = true,
            ServiceConfig = null,
            // ThrowOperationCanceledOnCancellation stays off: it would turn an exceeded deadline into an
            // OperationCanceledException too; QdrantCalls tells the caller's cancellation apart itself.
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        var apiKey = options.ApiKey;
        var invoker = _channel.Intercept(metadata =>
        {
            if (!string.IsNullOrEmpty(apiKey)) metadata.Add("api-key", apiKey);
            return metadata;
        });
        // No logger factory: QdrantClient logs every failed attempt as an error, and QdrantCalls already reports
        // retries and the final failure once, with what to do.
        Client = new QdrantClient(new QdrantGrpcClient(invoker), TimeSpan.FromSeconds(options.TimeoutSeconds));
    }

    public Uri Address { get; }

    public QdrantClient Client { get; }

    public void Dispose() => _channel.Dispose();
}
