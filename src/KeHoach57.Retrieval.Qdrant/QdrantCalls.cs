using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Qdrant.Client;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// Every call this backend makes to Qdrant goes through <see cref="RunAsync{T}"/>: transient failures are retried
/// with exponential backoff and jitter (Polly), each attempt under its own deadline (Qdrant:TimeoutSeconds, set on
/// the client), and whatever still fails becomes a <see cref="QdrantCallException"/> naming the server, the call and
/// what to check. Every call sent is idempotent (deterministic point ids, alias delete+create, create-if-missing),
/// so any of them may be sent again after an answer was lost.
/// </summary>
public sealed class QdrantCalls
{
    /// <summary>Qdrant marks "out of disk" with this trailer; it shares RESOURCE_EXHAUSTED with rate limiting but
    /// waiting does not cure it.</summary>
    private const string InsufficientStorageTrailer = "qdrant-insufficient-storage";

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    private readonly QdrantConnection _connection;
    private readonly QdrantOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public QdrantCalls(QdrantConnection connection, QdrantOptions options, ILogger<QdrantCalls> logger)
    {
        _connection = connection;
        _options = options;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = MaxRetryAfter,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    var error = (RpcException)args.Outcome.Exception!;
                    _logger.LogWarning("Qdrant at {Address}: {Status} ({Detail}); retry {Attempt} of {Max} in {Delay} ms",
                        _connection.Address, error.StatusCode, error.Status.Detail, args.AttemptNumber + 1, options.MaxRetries,
                        (int)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }
        _pipeline = builder.Build();
    }

    public Uri Address => _connection.Address;

    /// <param name="what">The call as a noun phrase, for messages: "an upsert of 256 points into kehoach57-…".</param>
    public async Task<T> RunAsync<T>(string what, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await call(_connection.Client, token), cancellationToken);
        }
        catch (RpcException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up; whatever status the call ended with is a consequence, not a server fault.
            throw new OperationCanceledException($"Qdrant {what} was cancelled.", ex, cancellationToken);
        }
        catch (RpcException ex)
        {
            throw Explain(what, ex);
        }
        catch (QdrantException ex)
        {
            // The call succeeded but Qdrant answered "result: false": nothing was done (e.g. no such collection to delete).
            throw new QdrantCallException($"Qdrant at {Address} did not carry out {what}: {ex.Message}", StatusCode.OK, ex);
        }
    }

    public Task RunAsync(string what, Func<QdrantClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync<bool>(what, async (client, token) =>
        {
            await call(client, token);
            return true;
        }, cancellationToken);

    /// <summary>Worth another try: the server or the path to it failed, not the request.</summary>
    public static bool IsTransient(RpcException error) => error.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted => true,
        StatusCode.ResourceExhausted => error.Trailers.Get(InsufficientStorageTrailer) is null,
        // No status from the server at all: the connection or the stream broke (a reset, a proxy restart), which
        // Grpc.Net.Client reports as INTERNAL or CANCELLED with the transport's exception attached. A status Qdrant
        // sent itself (its INTERNAL is a server-side error) carries no such exception.
        StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled => error.Status.DebugException is not null,
        _ => false,
    };

    /// <summary>How long a rate-limited server asked to wait (its "retry-after" trailer, in seconds), capped; null for the backoff.</summary>
    private static TimeSpan? RetryAfter(Exception? error) =>
        error is RpcException { StatusCode: StatusCode.ResourceExhausted } rpc
        && rpc.Trailers.GetValue("retry-after") is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, MaxRetryAfter.TotalSeconds))
            : null;

    private QdrantCallException Explain(string what, RpcException error)
    {
        var detail = string.IsNullOrWhiteSpace(error.Status.Detail) ? error.StatusCode.ToString() : error.Status.Detail.Trim();
        // The transport's own words ("Connection refused (localhost:6334)") say more than "Error connecting to subchannel."
        if (error.Status.DebugException?.GetBaseException().Message is { Length: > 0 } cause && !detail.Contains(cause, StringComparison.Ordinal))
            detail += $" ({cause.TrimEnd('.')})";
        var tries = IsTransient(error) && _options.MaxRetries > 0 ? $" (tried {_options.MaxRetries + 1} times)" : "";
        var portHint = Address.Port == QdrantOptions.RestPort
            ? $" Port {QdrantOptions.RestPort} is Qdrant's REST port; this client speaks gRPC, on port {QdrantOptions.DefaultGrpcPort} by default."
            : "";
        return error.StatusCode switch
        {
            StatusCode.DeadlineExceeded => new QdrantUnavailableException(
                $"Qdrant at {Address} did not answer {what} within {_options.TimeoutSeconds} s{tries}. Is it overloaded? " +
                "Raise Qdrant:TimeoutSeconds, or lower Qdrant:BatchSize when upserts are slow.", error.StatusCode, error),
            StatusCode.ResourceExhausted => new QdrantUnavailableException(
                $"Qdrant at {Address} refused {what}: {detail}{tries}. It is rate-limiting this client or out of memory or disk; " +
                "lower Qdrant:BatchSize or check the server's limits and free space.", error.StatusCode, error),
            StatusCode.Unauthenticated or StatusCode.PermissionDenied => new QdrantCallException(
                $"Qdrant at {Address} refused {what}: {detail}. Set the environment variable Qdrant__ApiKey to the server's API key.",
                error.StatusCode, error),
            StatusCode.NotFound => new QdrantCallException(
                $"Qdrant at {Address} has nothing for {what}: {detail}. No index yet? Build it with `index --backend qdrant`.", error.StatusCode, error),
            StatusCode.Unimplemented => new QdrantCallException(
                $"Qdrant at {Address} does not implement {what} ({detail}): this backend needs Qdrant 1.10 or later.{portHint}",
                error.StatusCode, error),
            StatusCode.InvalidArgument or StatusCode.AlreadyExists or StatusCode.FailedPrecondition or StatusCode.OutOfRange =>
                new QdrantCallException($"Qdrant at {Address} rejected {what}: {detail}.", error.StatusCode, error),
            _ when IsTransient(error) || error.StatusCode is StatusCode.Cancelled => new QdrantUnavailableException(
                $"Cannot reach Qdrant at {Address} for {what}: {detail}{tries}. Check that Qdrant is running and that Qdrant:Url " +
                $"(or QDRANT_URL) points at its gRPC port.{portHint}", error.StatusCode, error),
            _ => new QdrantCallException($"Qdrant at {Address} failed {what} ({error.StatusCode}): {detail}.{portHint}", error.StatusCode, error),
        };
    }
}
