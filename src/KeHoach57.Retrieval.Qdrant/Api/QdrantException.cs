using System.Net;

namespace KeHoach57.Retrieval.Qdrant.Api;

/// <summary>A Qdrant request that failed for good (after retries), with what Qdrant said and what to do about it.</summary>
public sealed class QdrantException(string message, HttpStatusCode? statusCode = null, string? serverError = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>Null when no HTTP answer came back (connection refused, timeout).</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>Qdrant's own error text ("Not found: Collection `x` doesn't exist!"), when it sent one.</summary>
    public string? ServerError { get; } = serverError;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
