using Grpc.Core;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>A Qdrant call that failed for good, with a message saying what failed and what to check.</summary>
/// <param name="code">The gRPC status Qdrant (or the transport) ended the call with.</param>
public class QdrantCallException(string message, StatusCode code, Exception? inner = null) : InvalidOperationException(message, inner)
{
    public StatusCode Code { get; } = code;

    public bool IsNotFound => Code == StatusCode.NotFound;

    /// <summary>The call went through but Qdrant answered that it did nothing ("result: false").</summary>
    public bool IsNoOp => Code == StatusCode.OK;
}

/// <summary>Qdrant could not be reached, did not answer in time or was overloaded, and retrying did not help.</summary>
public sealed class QdrantUnavailableException(string message, StatusCode code, Exception? inner = null) : QdrantCallException(message, code, inner);
