using KeHoach57.Retrieval.Qdrant.Api;
using Microsoft.Extensions.Logging;

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
public sealed class QdrantIndexBuilder(QdrantRestClient client, QdrantOptions options, IndexOptions index, ILogger logger)
{
    private string Alias => options.Collection;

    /// <summary>Builds, switches and cleans up; returns the status now live.</summary>
    public async Task<IndexStatusPayload> ReplaceAsync(IndexBuild build, CancellationToken cancellationToken)
    {
        var plan = IndexPlan.Create(build, options, index, DateTimeOffset.UtcNow);
        var collections = (await client.ListCollectionsAsync(cancellationToken)).Collections.Select(c => c.Name).ToList();
        if (collections.Contains(Alias))
            throw new QdrantException(
                $"Qdrant already has a collection named \"{Alias}\", so the alias of that name cannot be created. " +
                "Delete that collection or choose another Qdrant:Collection.");
        var live = await LiveCollectionAsync(cancellationToken);
        if (live == plan.CollectionName)
        {
            logger.LogInformation("Qdrant collection {Collection} already holds this build; nothing to do", live);
            return await ReadLiveStatusAsync(cancellationToken) ?? plan.Status;
        }

        // A collection of this name is a half-built leftover of a crashed run: refilling it in place would
        // keep overwritten postings in the IDF statistics, so it starts over.
        if (collections.Contains(plan.CollectionName)) await client.DeleteCollectionAsync(plan.CollectionName, cancellationToken);

        try
        {
            await FillAsync(plan, cancellationToken);
            await client.UpdateAliasesAsync(new ChangeAliasesRequest(
                [AliasAction.Delete(Alias), AliasAction.Create(Alias, plan.CollectionName)]), cancellationToken);
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
        var aliases = await client.ListAliasesAsync(cancellationToken);
        return aliases.Aliases.FirstOrDefault(a => a.AliasName == Alias)?.CollectionName;
    }

    /// <summary>The status point of the collection behind the alias; null when there is no index (yet).</summary>
    public async Task<IndexStatusPayload?> ReadLiveStatusAsync(CancellationToken cancellationToken)
    {
        ScrollResult result;
        try
        {
            result = await client.ScrollAsync(Alias, new ScrollRequest(
                Filter: new Filter(Must: [new HasIdCondition([IndexStatusPayload.PointId])]),
                Limit: 1, WithPayload: true, WithVector: false), cancellationToken);
        }
        catch (QdrantException ex) when (ex.IsNotFound)
        {
            return null;
        }
        var status = result.Points.Count == 0 ? null : IndexStatusPayload.Read(result.Points[0].Payload);
        if (status is null)
            logger.LogWarning("Qdrant collection behind {Alias} has no readable index status point; treating it as no index", Alias);
        return status;
    }

    private async Task FillAsync(IndexPlan plan, CancellationToken cancellationToken)
    {
        var name = plan.CollectionName;
        await client.CreateCollectionAsync(name, plan.CreateRequest, cancellationToken);
        foreach (var field in ChunkPayload.KeywordFields)
            await client.CreatePayloadIndexAsync(name, new CreateFieldIndexRequest(field, "keyword"), cancellationToken);
        var sent = 0;
        foreach (var batch in plan.Batches(Math.Max(1, options.BatchSize)))
        {
            await client.UpsertPointsAsync(name, new UpsertPointsRequest(batch), cancellationToken);
            sent += batch.Count;
            logger.LogDebug("Qdrant {Collection}: {Sent}/{Total} points", name, sent, plan.PointCount);
        }
        // Last, so that its presence means "complete".
        await client.UpsertPointsAsync(name, new UpsertPointsRequest([plan.Status.ToPoint()]), cancellationToken);
    }

    /// <summary>Null when Qdrant cannot tell us, which must be treated as "maybe".</summary>
    private async Task<bool?> AliasPointsAtQuietlyAsync(string collection)
    {
        try
        {
            using var timeout = CleanupTimeout();
            return await LiveCollectionAsync(timeout.Token) == collection;
        }
        catch (Exception ex) when (ex is QdrantException or OperationCanceledException)
        {
            return null;
        }
    }

    private async Task DropQuietlyAsync(string collection)
    {
        try
        {
            using var timeout = CleanupTimeout();
            await client.DeleteCollectionAsync(collection, timeout.Token);
        }
        catch (Exception ex) when (ex is QdrantException or OperationCanceledException)
        {
            logger.LogWarning("Could not drop Qdrant collection {Collection} ({Error}); drop it by hand or let the next build do it",
                collection, ex.Message);
        }
    }

    // Not the caller's token: clean-up should still happen when the build itself was cancelled.
    private CancellationTokenSource CleanupTimeout() => new(TimeSpan.FromSeconds(Math.Max(5, options.TimeoutSeconds)));
}
