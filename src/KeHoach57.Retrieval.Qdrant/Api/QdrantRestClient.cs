using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;

namespace KeHoach57.Retrieval.Qdrant.Api;

/// <summary>
/// Typed client over the documented Qdrant REST endpoints this backend needs. Retries, timeouts and the
/// circuit breaker live in the HttpClient's resilience pipeline; this class turns whatever is left into
/// a <see cref="QdrantException"/> that says what failed and what to do. Qdrant.Client (gRPC) could
/// replace it without touching <see cref="QdrantSearchIndex"/>'s contract.
/// </summary>
public sealed class QdrantRestClient(HttpClient http)
{
    public const string HttpClientName = "KeHoach57.Qdrant";
    public const string ApiKeyHeader = "api-key";

    private const int MaxErrorLength = 500;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public Task<CollectionsResponse> ListCollectionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<CollectionsResponse>(HttpMethod.Get, "collections", null, cancellationToken);

    public Task<bool> CreateCollectionAsync(string collection, CreateCollectionRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Put, Collection(collection), request, cancellationToken);

    /// <summary>Also drops every alias pointing at the collection. Deleting a missing collection answers false, not an error.</summary>
    public Task<bool> DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Delete, Collection(collection), null, cancellationToken);

    public Task<UpdateResult> CreatePayloadIndexAsync(string collection, CreateFieldIndexRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateResult>(HttpMethod.Put, Collection(collection) + "/index?wait=true", request, cancellationToken);

    /// <summary>wait=true: the points are searchable when this returns, so the alias can move right after.</summary>
    public Task<UpdateResult> UpsertPointsAsync(string collection, UpsertPointsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateResult>(HttpMethod.Put, Collection(collection) + "/points?wait=true", request, cancellationToken);

    public Task<UpdateResult> DeletePointsAsync(string collection, DeletePointsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateResult>(HttpMethod.Post, Collection(collection) + "/points/delete?wait=true", request, cancellationToken);

    public Task<ScrollResult> ScrollAsync(string collection, ScrollRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ScrollResult>(HttpMethod.Post, Collection(collection) + "/points/scroll", request, cancellationToken);

    public Task<QueryResponse> QueryAsync(string collection, QueryRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<QueryResponse>(HttpMethod.Post, Collection(collection) + "/points/query", request, cancellationToken);

    /// <summary>GET /aliases: every alias of the instance (GET /collections/aliases is not a listing endpoint).</summary>
    public Task<AliasesResponse> ListAliasesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<AliasesResponse>(HttpMethod.Get, "aliases", null, cancellationToken);

    public Task<bool> UpdateAliasesAsync(ChangeAliasesRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Post, "collections/aliases", request, cancellationToken);

    private static string Collection(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A Qdrant collection name cannot be empty.", nameof(name));
        return "collections/" + Uri.EscapeDataString(name);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var what = $"{method.Method} /{path}";
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            // Bytes rather than a streaming JsonContent: the retry handler may send the same request again.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), QdrantJson.Options));
            request.Content.Headers.ContentType = JsonMediaType;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException or ExecutionRejectedException)
        {
            throw Unreachable(what, ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw Failed(what, response.StatusCode, text);
            QdrantResponse<T>? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<QdrantResponse<T>>(text, QdrantJson.Options);
            }
            catch (JsonException ex)
            {
                throw new QdrantException($"Qdrant answered {what} with something that is not its JSON format: {Trim(text)}", response.StatusCode, inner: ex);
            }
            if (parsed is null || parsed.Result is null)
                throw new QdrantException($"Qdrant answered {what} without a result: {Trim(text)}", response.StatusCode);
            return parsed.Result;
        }
    }

    private QdrantException Unreachable(string what, Exception ex)
    {
        var at = http.BaseAddress?.ToString() ?? "(no Qdrant:Url)";
        var message = ex switch
        {
            BrokenCircuitException => $"Qdrant at {at} failed too often just now, so {what} was not sent; it will be tried again after a short pause.",
            ExecutionRejectedException or TaskCanceledException or TimeoutException =>
                $"Qdrant at {at} did not answer {what} in time (Qdrant:TimeoutSeconds). Is the server overloaded?",
            _ => $"Cannot reach Qdrant at {at} for {what}: {ex.Message}. Start it (docker run -p 6333:6333 qdrant/qdrant) " +
                 "or point QDRANT_URL / Qdrant:Url at a running instance.",
        };
        return new QdrantException(message, inner: ex);
    }

    private static QdrantException Failed(string what, HttpStatusCode status, string body)
    {
        var error = ServerError(body);
        var hint = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                "Qdrant refused the API key: set Qdrant__ApiKey (or QDRANT_API_KEY, or user secrets) to the server's key.",
            HttpStatusCode.NotFound => "The collection or alias does not exist: build the index with `index --backend qdrant`.",
            HttpStatusCode.Conflict => "A collection or alias with that name already exists.",
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => "Qdrant rejected the request as invalid.",
            HttpStatusCode.TooManyRequests => "Qdrant is rate-limiting this client.",
            >= HttpStatusCode.InternalServerError => "Qdrant is failing or unavailable, and retrying did not help.",
            _ => "",
        };
        var message = $"Qdrant {what} failed with {(int)status} {status}" + (error.Length > 0 ? $": {error}" : "") + (hint.Length > 0 ? $". {hint}" : "");
        return new QdrantException(message, status, error.Length > 0 ? error : null);
    }

    /// <summary>Qdrant reports errors as {"status": {"error": "..."}}; its auth layer and proxies answer in plain text.</summary>
    private static string ServerError(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return "";
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
                return Trim(error.GetString()!);
        }
        catch (JsonException)
        {
        }
        return Trim(body);
    }

    private static string Trim(string text)
    {
        text = text.Trim();
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }
}
