using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;
using static KeHoach57.Retrieval.Qdrant.Tests.Fake.FakeCollection;

namespace KeHoach57.Retrieval.Qdrant.Tests.Fake;

/// <summary>
/// An in-process Qdrant for tests: a gRPC server on ASP.NET Core's TestServer that serves the methods in
/// <see cref="QdrantMethods"/> over a stateful model (collections, aliases, points with payload, keyword
/// filters, sparse IDF and dense scoring, RRF; see <see cref="FakeSearch"/>), answering with the status codes
/// and messages a real Qdrant uses (lib/storage/src/content_manager/conversions.rs, collections_ops.rs).
/// Calls can be scripted to fail (<see cref="Fault"/>), and every call is logged.
/// </summary>
public sealed class FakeQdrant : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeCollection> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, IMessage Request, string? Timeout)> _calls = new();
    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _delaysCutShort;
    private long _operationId;
    private const string TimeoutItem = "fake-qdrant.grpc-timeout";

    private FakeQdrant(string? apiKey)
    {
        ApiKey = apiKey;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(this);
        builder.Services.AddSingleton<IServiceMethodProvider<FakeQdrant>, Methods>();
        _app = builder.Build();
        // Qdrant (tonic) does not end calls at the client's grpc-timeout; the client's own deadline does. Without
        // this, ASP.NET Core's server would reset the stream first and a slow call would not look like a timeout.
        _app.Use((context, next) =>
        {
            // Kept per call: tests read the deadline each attempt carried instead of timing the attempts.
            context.Items[TimeoutItem] = context.Request.Headers["grpc-timeout"].ToString() is { Length: > 0 } timeout ? timeout : null;
            context.Request.Headers.Remove("grpc-timeout");
            return next(context);
        });
        _app.MapGrpcService<FakeQdrant>();
    }

    /// <summary>When set, calls without this "api-key" header are refused as a real server with a key refuses them.</summary>
    public string? ApiKey { get; }

    /// <summary>"qdrant.Points/Upsert"-style names of every call received, in order (faulted ones too).</summary>
    public IReadOnlyList<string> Calls => _calls.Select(c => c.Method).ToList();

    public IEnumerable<T> Requests<T>() where T : IMessage => _calls.Select(c => c.Request).OfType<T>();

    /// <summary>The deadline each call of <paramref name="method"/> was sent with, as its grpc-timeout header
    /// ("1000m", "1S"; null when it had none), in order.</summary>
    public IReadOnlyList<string?> Timeouts<TRequest, TResponse>(Method<TRequest, TResponse> method) =>
        _calls.Where(c => c.Method == method.FullName).Select(c => c.Timeout).ToList();

    /// <summary>Scripted delays the client ended before they ran out (its deadline passed or it cancelled).</summary>
    public int DelaysCutShort => Volatile.Read(ref _delaysCutShort);

    /// <summary>Completes once a call is being held by a scripted <see cref="Fault.Delay"/>: the call has reached the server.</summary>
    public Task Holding => _holding.Task;

    public static async Task<FakeQdrant> StartAsync(string? apiKey = null)
    {
        var fake = new FakeQdrant(apiKey);
        await fake._app.StartAsync();
        return fake;
    }

    /// <summary>A fresh HTTP/2 handler into the server, for <see cref="QdrantConnection"/>.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <summary>The next calls of <paramref name="method"/> (e.g. <c>QdrantMethods.Upsert</c>) meet these faults, one each.</summary>
    public void Script<TRequest, TResponse>(Method<TRequest, TResponse> method, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(method.FullName, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults) queue.Enqueue(fault);
    }

    public int Count<TRequest, TResponse>(Method<TRequest, TResponse> method) => _calls.Count(c => c.Method == method.FullName);

    public IReadOnlyList<string> CollectionNames { get { lock (_gate) return _collections.Keys.Order(StringComparer.Ordinal).ToList(); } }

    public string? AliasTarget(string alias) { lock (_gate) return _aliases.GetValueOrDefault(alias); }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<TResponse> Serve<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, ServerCallContext context,
        Func<TRequest, TResponse> handle) where TRequest : IMessage
    {
        _calls.Enqueue((method.FullName, request, context.GetHttpContext().Items[TimeoutItem] as string));
        if (ApiKey is not null && context.RequestHeaders.GetValue("api-key") != ApiKey)
            throw Rpc(StatusCode.PermissionDenied, "Invalid api-key");
        Fault? fault = _faults.TryGetValue(method.FullName, out var queue) && queue.TryDequeue(out var next) ? next : null;
        switch (fault)
        {
            case StatusFault status:
                var trailers = new Metadata();
                foreach (var (key, value) in status.Trailers) trailers.Add(key, value);
                throw new RpcException(new Status(status.Code, status.Detail), trailers);
            case DelayFault delay:
                try
                {
                    _holding.TrySetResult();
                    await Task.Delay(delay.Duration, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _delaysCutShort);
                    // The client's deadline passed and it dropped the call (TestServer then still reads this answer,
                    // where a socket client would have stopped listening and reported DEADLINE_EXCEEDED itself).
                    throw Rpc(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                }
                break;
            case DropFault:
                // RST_STREAM with INTERNAL_ERROR (2), as a proxy or a crashing node leaves it: the client gets no status.
                context.GetHttpContext().Features.Get<IHttpResetFeature>()!.Reset(2);
                throw Rpc(StatusCode.Unavailable, "stream dropped");
        }
        TResponse response;
        lock (_gate) response = handle(request);
        if (fault is AnswerLostFault) throw Rpc(StatusCode.Unavailable, "connection reset after the operation was applied");
        return response;
    }

    // ---- qdrant.Collections

    private ListCollectionsResponse ListCollections(ListCollectionsRequest request) =>
        new() { Collections = { _collections.Keys.Order(StringComparer.Ordinal).Select(n => new CollectionDescription { Name = n }) }, Time = 0.0001 };

    private CollectionOperationResponse CreateCollection(CreateCollection request)
    {
        var name = request.CollectionName;
        if (string.IsNullOrWhiteSpace(name)) throw Rpc(StatusCode.InvalidArgument, "Validation error in body: [collection_name: must not be empty]");
        if (_collections.ContainsKey(name)) throw Rpc(StatusCode.AlreadyExists, $"Wrong input: Collection `{name}` already exists!");
        if (_aliases.ContainsKey(name))
            throw Rpc(StatusCode.AlreadyExists, $"Wrong input: Can't create collection with name {name}. Alias with the same name already exists");
        if (request.HasWriteConsistencyFactor && request.HasReplicationFactor && request.WriteConsistencyFactor > request.ReplicationFactor)
            throw Rpc(StatusCode.InvalidArgument, "Wrong input: write_consistency_factor can't be bigger than replication_factor");
        _collections[name] = new FakeCollection(request.Clone());
        return Done();
    }

    private CollectionOperationResponse DeleteCollection(DeleteCollection request)
    {
        var existed = _collections.Remove(request.CollectionName);
        foreach (var alias in _aliases.Where(a => a.Value == request.CollectionName).Select(a => a.Key).ToList()) _aliases.Remove(alias);
        return new CollectionOperationResponse { Result = existed, Time = 0.0001 };
    }

    // Applied one action after another, as Qdrant's update_aliases does: each checks its own preconditions.
    private CollectionOperationResponse UpdateAliases(ChangeAliases request)
    {
        foreach (var action in request.Actions)
        {
            switch (action.ActionCase)
            {
                case AliasOperations.ActionOneofCase.CreateAlias:
                    var create = action.CreateAlias;
                    if (!_collections.ContainsKey(create.CollectionName))
                        throw Rpc(StatusCode.NotFound, $"Not found: Collection `{create.CollectionName}` doesn't exist!");
                    if (_collections.ContainsKey(create.AliasName))
                        throw Rpc(StatusCode.AlreadyExists, $"Wrong input: Collection `{create.AliasName}` already exists!");
                    _aliases[create.AliasName] = create.CollectionName;
                    break;
                case AliasOperations.ActionOneofCase.DeleteAlias:
                    _aliases.Remove(action.DeleteAlias.AliasName);
                    break;
                default:
                    throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant does not model {action.ActionCase}");
            }
        }
        return Done();
    }

    private ListAliasesResponse ListAliases(ListAliasesRequest request) => new()
    {
        Aliases = { _aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AliasDescription { AliasName = a.Key, CollectionName = a.Value }) },
        Time = 0.0001,
    };

    // ---- qdrant.Points

    private PointsOperationResponse Upsert(UpsertPoints request)
    {
        var collection = Resolve(request.CollectionName);
        // Validated whole before anything is stored: a bad point fails the batch without writing half of it.
        var staged = new FakeCollection(collection.Config);
        foreach (var point in request.Points) staged.Upsert(point);
        foreach (var (key, point) in staged.Points) collection.Points[key] = point;
        return Completed();
    }

    private PointsOperationResponse Delete(DeletePoints request)
    {
        var collection = Resolve(request.CollectionName);
        var selector = request.Points;
        var doomed = selector?.PointsSelectorOneOfCase switch
        {
            PointsSelector.PointsSelectorOneOfOneofCase.Points => selector.Points.Ids.Select(KeyOf).ToList(),
            PointsSelector.PointsSelectorOneOfOneofCase.Filter => collection.Points.Values.Where(p => FakeSearch.Matches(selector.Filter, p)).Select(p => p.Key).ToList(),
            _ => throw Rpc(StatusCode.InvalidArgument, "Validation error: points selector is required"),
        };
        foreach (var key in doomed) collection.Points.Remove(key);
        return Completed();
    }

    private GetResponse Get(GetPoints request)
    {
        var collection = Resolve(request.CollectionName);
        var withPayload = request.WithPayload?.Enable ?? true;
        var response = new GetResponse { Time = 0.0001 };
        foreach (var key in request.Ids.Select(KeyOf).Distinct())
        {
            if (!collection.Points.TryGetValue(key, out var point)) continue;
            var found = new RetrievedPoint { Id = point.Id.Clone() };
            if (withPayload) found.Payload.Add(point.Payload);
            response.Result.Add(found);
        }
        return response;
    }

    private PointsOperationResponse CreateFieldIndex(CreateFieldIndexCollection request)
    {
        var collection = Resolve(request.CollectionName);
        if (request.HasFieldType && request.FieldType != FieldType.Keyword)
            throw Rpc(StatusCode.Unimplemented, $"the fake Qdrant models keyword indexes only, not {request.FieldType}");
        collection.PayloadIndexes.Add(request.FieldName);
        return Completed();
    }

    private QueryResponse Query(QueryPoints request)
    {
        var collection = Resolve(request.CollectionName);
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var withPayload = request.WithPayload?.Enable ?? false;
        var response = new QueryResponse { Time = 0.0001 };
        foreach (var (point, score) in FakeSearch.Query(collection,
                     new QdrantQuery(request.Query, request.Prefetch.ToList(), request.HasUsing ? request.Using : "", request.Filter, limit)))
        {
            var scored = new ScoredPoint { Id = point.Id.Clone(), Score = score, Version = 1 };
            if (withPayload) scored.Payload.Add(point.Payload);
            response.Result.Add(scored);
        }
        return response;
    }

    /// <summary>A collection by its name or an alias of it, as every point operation accepts either.</summary>
    private FakeCollection Resolve(string name)
    {
        var target = _aliases.GetValueOrDefault(name, name);
        return _collections.TryGetValue(target, out var collection)
            ? collection
            : throw Rpc(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!");
    }

    private static CollectionOperationResponse Done() => new() { Result = true, Time = 0.0001 };

    private PointsOperationResponse Completed() => new()
    {
        Result = new UpdateResult { OperationId = (ulong)Interlocked.Increment(ref _operationId), Status = UpdateStatus.Completed },
        Time = 0.0001,
    };

    /// <summary>Binds each method to its handler, since Qdrant.Client has no generated server base classes.</summary>
    private sealed class Methods : IServiceMethodProvider<FakeQdrant>
    {
        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<FakeQdrant> context)
        {
            Add(context, QdrantMethods.ListCollections, (q, r) => q.ListCollections(r));
            Add(context, QdrantMethods.CreateCollection, (q, r) => q.CreateCollection(r));
            Add(context, QdrantMethods.DeleteCollection, (q, r) => q.DeleteCollection(r));
            Add(context, QdrantMethods.UpdateAliases, (q, r) => q.UpdateAliases(r));
            Add(context, QdrantMethods.ListAliases, (q, r) => q.ListAliases(r));
            Add(context, QdrantMethods.Upsert, (q, r) => q.Upsert(r));
            Add(context, QdrantMethods.Delete, (q, r) => q.Delete(r));
            Add(context, QdrantMethods.Get, (q, r) => q.Get(r));
            Add(context, QdrantMethods.CreateFieldIndex, (q, r) => q.CreateFieldIndex(r));
            Add(context, QdrantMethods.Query, (q, r) => q.Query(r));
        }

        private static void Add<TRequest, TResponse>(ServiceMethodProviderContext<FakeQdrant> context, Method<TRequest, TResponse> method,
            Func<FakeQdrant, TRequest, TResponse> handle) where TRequest : class, IMessage where TResponse : class =>
            context.AddUnaryMethod(method, [], (fake, request, call) => fake.Serve(method, request, call, r => handle(fake, r)));
    }
}
