using Grpc.Core;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>
/// Zero-downtime rebuilds: fill a fresh collection named after the build, then move the alias readers use
/// onto it in one atomic alias operation, then drop the collection it left. Until the switch, readers see
/// the old collection untouched; a failure before it leaves the alias where it was.
/// </summary>
/// <remarks>
/// Every build fills a new collection instead of updating the live one in place: chunks that vanished from
/// the corpus cannot survive, and Qdrant's IDF statistics (posting lengths, which may still count deleted
/// or overwritten points until segments are optimized) match the build exactly.
/// </remarks>
public sealed class QdrantIndexBuilder(QdrantCalls calls, QdrantOptions options, IndexOptions index, ILogger logger)
{
    private string Alias => options.Collection;

    /// <summary>Builds, switches and cleans up; returns the status now live.</summary>
    public async Task<IndexStatusPayload> ReplaceAsync(IndexBuild build, CancellationToken cancellationToken)
    {
        var plan = IndexPlan.Create(build, options, index, DateTimeOffset.UtcNow);
        var collections = await calls.RunAsync("the collection list", (c, t) => c.ListCollectionsAsync(t), cancellationToken);
        if (collections.Contains(Alias))
            throw new QdrantCallException(
                $"Qdrant at {calls.Address} already has a collection named \"{Alias}\", so the alias of that name cannot be created. " +
                "Delete that collection or choose another Qdrant:Collection.", StatusCode.AlreadyExists);
        var live = await LiveCollectionAsync(cancellationToken);
        if (live == plan.CollectionName)
        {
            logger.LogInformation("Qdrant collection {Collection} already holds this build; nothing to do", live);
            return await ReadLiveStatusAsync(cancellationToken) ?? plan.Status;
        }

        // A collection of this name is a half-built leftover of a crashed run: refilling it in place would
        // keep overwritten postings in the IDF statistics, so it starts over.
        if (collections.Contains(plan.CollectionName)) await DropAsync(plan.CollectionName, cancellationToken);

        try
        {
            await FillAsync(plan, cancellationToken);
            // Both actions in one request: Qdrant applies them under one lock, so readers never find the alias missing.
            await calls.RunAsync($"the move of alias {Alias} to {plan.CollectionName}", (c, t) => c.UpdateAliasesAsync(
            [
                new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = Alias } },
                new AliasOperations { CreateAlias = new CreateAlias { AliasName = Alias, CollectionName = plan.CollectionName } },
            ], cancellationToken: t), cancellationToken);
        }
        catch (Exception ex)
        {
            // The alias switch may have been applied even though its answer was lost; dropping the collection
            // then would take the live index down with it.
            var landed = await AliasPointsAtQuietlyAsync(plan.CollectionName);
            if (landed != true || ex is OperationCanceledException)
            {
                logger.LogWarning("Qdrant build {Collection} failed ({Error}); the alias {Alias} still points at {Live}",
                    plan.CollectionName, ex.Message, Alias, landed == true ? plan.CollectionName : live ?? "nothing");
                if (landed == false) await DropQuietlyAsync(plan.CollectionName);
                throw;
            }
            logger.LogInformation("Qdrant reported an error ({Error}) but the alias switch to {Collection} was applied", ex.Message, plan.CollectionName);
        }

        logger.LogInformation("Qdrant alias {Alias} now points at {Collection} ({Chunks} chunks)", Alias, plan.CollectionName, plan.PointCount);
        foreach (var stale in collections.Where(c => c != plan.CollectionName && (c == live || IndexPlan.IsBuildOf(Alias, c))))
            await DropQuietlyAsync(stale);
        return plan.Status;
    }

    public async Task<string?> LiveCollectionAsync(CancellationToken cancellationToken)
    {
        var aliases = await calls.RunAsync("the alias list", (c, t) => c.ListAliasesAsync(t), cancellationToken);
        return aliases.FirstOrDefault(a => a.AliasName == Alias)?.CollectionName;
    }

    /// <summary>The status point of <paramref name="collection"/> (the alias by default); null when there is no index (yet).</summary>
    public async Task<IndexStatusPayload?> ReadLiveStatusAsync(CancellationToken cancellationToken, string? collection = null)
    {
        collection ??= Alias;
        IReadOnlyList<RetrievedPoint> points;
        try
        {
            points = await calls.RunAsync($"the index status of {collection}", (c, t) => c.RetrieveAsync(collection,
                [IndexStatusPayload.PointId], withPayload: true, withVectors: false, readConsistency: options.ReadConsistencyRequest,
                cancellationToken: t), cancellationToken);
        }
        catch (QdrantCallException ex) when (ex.IsNotFound)
        {
            return null;
        }
        var status = points.Count == 0 ? null : IndexStatusPayload.Read(points[0].Payload);
        if (status is null)
            logger.LogWarning("Qdrant collection behind {Alias} has no readable index status point; treating it as no index", collection);
        return status;
    }

    /// <summary>Removes these points from the live collection and counts them out of its status; returns how many existed.</summary>
    public async Task<int> DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        // Resolved once, so that a rebuild switching the alias meanwhile cannot split the delete and the status update.
        if (ids.Count == 0 || await LiveCollectionAsync(cancellationToken) is not { } collection) return 0;
        var status = await ReadLiveStatusAsync(cancellationToken, collection);
        var found = await calls.RunAsync($"a lookup of {ids.Count} points in {collection}", (c, t) => c.RetrieveAsync(collection,
            ids.Select(id => (PointId)id).ToList(), withPayload: false, withVectors: false, cancellationToken: t), cancellationToken);
        if (found.Count == 0) return 0;
        await calls.RunAsync($"the deletion of {found.Count} points from {collection}",
            (c, t) => c.DeleteAsync(collection, found.Select(p => p.Id).ToList(), wait: true, cancellationToken: t), cancellationToken);
        if (status is not null)
        {
            var updated = status with { Chunks = Math.Max(0, status.Chunks - found.Count) };
            await calls.RunAsync($"the status update of {collection}",
                (c, t) => c.UpsertAsync(collection, [updated.ToPoint()], wait: true, cancellationToken: t), cancellationToken);
        }
        return found.Count;
    }

    private async Task FillAsync(IndexPlan plan, CancellationToken cancellationToken)
    {
        var name = plan.CollectionName;
        try
        {
            await calls.RunAsync($"the creation of collection {name}", (c, t) => c.CreateCollectionAsync(plan.CreateRequest, t), cancellationToken);
        }
        catch (QdrantCallException ex) when (ex.Code == StatusCode.AlreadyExists)
        {
            // Any leftover of this name was dropped above and one writer is assumed, so the collection is the one an
            // earlier attempt of this call created before its answer was lost.
            logger.LogInformation("Qdrant collection {Collection} was created by an earlier attempt", name);
        }
        foreach (var field in ChunkPayload.KeywordFields)
            await calls.RunAsync($"the keyword index on {field} of {name}",
                (c, t) => c.CreatePayloadIndexAsync(name, field, PayloadSchemaType.Keyword, wait: true, cancellationToken: t), cancellationToken);
        var sent = 0;
        foreach (var batch in plan.Batches(options.BatchSize))
        {
            // wait=true: the points are searchable when this returns, so the alias can move right after.
            await calls.RunAsync($"an upsert of {batch.Count} points into {name}",
                (c, t) => c.UpsertAsync(name, batch, wait: true, cancellationToken: t), cancellationToken);
            sent += batch.Count;
            logger.LogDebug("Qdrant {Collection}: {Sent}/{Total} points", name, sent, plan.PointCount);
        }
        // Last, so that its presence means "complete".
        await calls.RunAsync($"the upsert of the index status into {name}",
            (c, t) => c.UpsertAsync(name, [plan.Status.ToPoint()], wait: true, cancellationToken: t), cancellationToken);
    }

    /// <summary>Null when Qdrant cannot tell us, which must be treated as "maybe".</summary>
    private async Task<bool?> AliasPointsAtQuietlyAsync(string collection)
    {
        try
        {
            using var timeout = CleanupTimeout();
            return await LiveCollectionAsync(timeout.Token) == collection;
        }
        catch (Exception ex) when (ex is QdrantCallException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Also drops every alias pointing at the collection. A missing collection (Qdrant answers "false", as it
    /// does when a retried delete had already been applied) is not an error.</summary>
    private async Task DropAsync(string collection, CancellationToken cancellationToken)
    {
        try
        {
            await calls.RunAsync($"the deletion of collection {collection}", (c, t) => c.DeleteCollectionAsync(collection, cancellationToken: t), cancellationToken);
        }
        catch (QdrantCallException ex) when (ex.IsNoOp)
        {
        }
    }

    private async Task DropQuietlyAsync(string collection)
    {
        try
        {
            using var timeout = CleanupTimeout();
            await DropAsync(collection, timeout.Token);
        }
        catch (Exception ex) when (ex is QdrantCallException or OperationCanceledException)
        {
            logger.LogWarning("Could not drop Qdrant collection {Collection} ({Error}); drop it by hand or let the next build do it",
                collection, ex.Message);
        }
    }

    // Not the caller's token: clean-up should still happen when the build itself was cancelled.
    private CancellationTokenSource CleanupTimeout() => new(TimeSpan.FromSeconds(Math.Max(5, options.TimeoutSeconds)));
}
