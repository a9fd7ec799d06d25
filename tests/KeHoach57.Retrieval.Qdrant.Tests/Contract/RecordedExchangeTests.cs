using System.Net;
using System.Text.Json;
using KeHoach57.Retrieval.Qdrant.Api;
using KeHoach57.Retrieval.Qdrant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// The backend against recorded Qdrant exchanges: each test replays a fixture and fails when a request
/// differs from what Qdrant expects (method, path, body structure and key values, OpenAPI schema).
/// </summary>
public sealed class RecordedExchangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_build_creates_a_sparse_idf_collection_with_keyword_indexes_upserts_in_batches_then_points_the_alias_at_it()
    {
        var build = ContractCorpus.Build();
        var options = Harness.Options(batchSize: 2, shards: 1, replicas: 1);
        var qdrant = RecordedQdrant.Fixture("first-build", RecordedQdrant.CollectionOf(Harness.CollectionFor(build, options)));

        await Harness.Index(qdrant, options).ReplaceAsync(build, Ct);

        qdrant.AssertAllReplayed();
    }

    [Fact]
    public async Task Rebuild_fills_a_new_collection_switches_the_alias_atomically_and_drops_the_old_and_leftover_builds_only()
    {
        var build = ContractCorpus.Build(dense: true);
        var qdrant = RecordedQdrant.Fixture("rebuild-switches-alias", RecordedQdrant.CollectionOf(Harness.CollectionFor(build)));

        await Harness.Index(qdrant).ReplaceAsync(build, Ct);

        qdrant.AssertAllReplayed();
        Assert.DoesNotContain(qdrant.Requests, r => r.Contains("bao-cao-khac", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rebuilding_the_build_that_is_already_live_changes_nothing()
    {
        var build = ContractCorpus.Build();
        var qdrant = RecordedQdrant.Fixture("rebuild-same-build-is-noop", RecordedQdrant.CollectionOf(Harness.CollectionFor(build)));

        await Harness.Index(qdrant).ReplaceAsync(build, Ct);

        qdrant.AssertAllReplayed();
        Assert.DoesNotContain(qdrant.Requests, r => r.StartsWith("PUT", StringComparison.Ordinal) || r.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_build_failing_midway_leaves_the_alias_on_the_old_collection_drops_the_half_built_one_and_says_why()
    {
        var build = ContractCorpus.Build();
        var qdrant = RecordedQdrant.Fixture("build-fails-midway", RecordedQdrant.CollectionOf(Harness.CollectionFor(build)));

        var error = await Assert.ThrowsAsync<QdrantException>(() => Harness.Index(qdrant).ReplaceAsync(build, Ct));

        qdrant.AssertAllReplayed();
        Assert.DoesNotContain(qdrant.Requests, r => r.Contains("/collections/aliases", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("larger than allowed", error.Message);
        Assert.Contains("rejected the request", error.Message);
    }

    [Fact]
    public async Task Status_is_read_from_the_status_point_behind_the_alias()
    {
        var qdrant = RecordedQdrant.Fixture("status-scroll");

        var status = await Harness.Index(qdrant).GetStatusAsync(Ct);

        qdrant.AssertAllReplayed();
        Assert.Equal(new IndexStatus("corpus-fp-1", 2, 3, new DateTimeOffset(2026, 8, 1, 9, 30, 0, TimeSpan.Zero)), status);
    }

    [Fact]
    public async Task Scoped_search_sends_weighted_sparse_terms_with_a_case_insensitive_doc_filter_and_rebuilds_the_chunk()
    {
        var qdrant = RecordedQdrant.Fixture("search-with-scope-filter");

        var hits = await Harness.Index(qdrant).SearchAsync(
            new SearchRequest([new("chuyển_đổi_số", 1f), new("năm", 0.2f)], ["Yen-Hoa"], Limit: 2), Ct);

        qdrant.AssertAllReplayed();
        var hit = Assert.Single(hits);
        Assert.Equal(ContractCorpus.Goal, hit.Chunk);
        Assert.Equal(0.6661695, hit.Score, 1e-6);
    }

    [Fact]
    public async Task Search_with_an_embedding_prefetches_lexical_and_dense_fuses_by_rrf_and_orders_ties_like_the_embedded_index()
    {
        var qdrant = RecordedQdrant.Fixture("search-hybrid-rrf");

        var hits = await Harness.Index(qdrant).SearchAsync(
            new SearchRequest([new("chuyển_đổi_số", 1f)], Limit: 3, Dense: new float[] { 0.8f, 0.6f, 0f }), Ct);

        qdrant.AssertAllReplayed();
        Assert.Equal([ContractCorpus.Goal, ContractCorpus.TableRow, ContractCorpus.Report], hits.Select(h => h.Chunk));
    }

    [Fact]
    public async Task Without_an_index_status_is_null_and_search_finds_nothing_instead_of_failing()
    {
        var qdrant = RecordedQdrant.Fixture("no-index-yet");
        var index = Harness.Index(qdrant);

        Assert.Null(await index.GetStatusAsync(Ct));
        Assert.Empty(await index.SearchAsync(new SearchRequest([new("chuyển_đổi_số", 1f)], Limit: 1), Ct));
        qdrant.AssertAllReplayed();
    }

    [Fact]
    public async Task A_400_from_qdrant_becomes_an_exception_carrying_qdrants_own_words()
    {
        var qdrant = RecordedQdrant.Fixture("query-bad-request");

        var error = await Assert.ThrowsAsync<QdrantException>(() =>
            Harness.Index(qdrant).SearchAsync(new SearchRequest([new("chuyển_đổi_số", 1f)], Limit: 1), Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Wrong input: Not existing vector name error: lexical", error.ServerError);
        Assert.Contains("POST /collections/kehoach57/points/query failed with 400", error.Message);
    }

    [Fact]
    public async Task A_rejected_api_key_says_which_setting_to_fix()
    {
        var qdrant = RecordedQdrant.Fixture("unauthorized");

        var error = await Assert.ThrowsAsync<QdrantException>(() => Harness.Index(qdrant).ReplaceAsync(ContractCorpus.Build(), Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Invalid API key or JWT", error.Message);
        Assert.Contains("Qdrant__ApiKey", error.Message);
    }

    [Fact]
    public async Task Points_are_deleted_by_id_or_by_payload_filter()
    {
        var qdrant = RecordedQdrant.Fixture("delete-points", RecordedQdrant.CollectionOf("kehoach57-3f2a9c1e7b40"));
        var client = new QdrantRestClient(qdrant.CreateClient());

        var byId = await client.DeletePointsAsync("kehoach57-3f2a9c1e7b40", DeletePointsRequest.ByIds([IndexPlan.PointIdOf(ContractCorpus.Report.Id)]), Ct);
        var byFilter = await client.DeletePointsAsync("kehoach57-3f2a9c1e7b40",
            DeletePointsRequest.ByFilter(new Filter(Must: [new FieldCondition("doc_id", new MatchValue("ha-noi"))])), Ct);

        qdrant.AssertAllReplayed();
        Assert.Equal(("completed", "completed"), (byId.Status, byFilter.Status));
    }

    [Fact]
    public async Task A_transient_503_is_retried_by_the_resilience_pipeline_until_it_succeeds()
    {
        var collection = "kehoach57-3f2a9c1e7b40";
        var qdrant = RecordedQdrant.Fixture("retry-on-503", RecordedQdrant.CollectionOf(collection));
        await using var services = Harness.Services(qdrant);
        var client = services.GetRequiredService<QdrantRestClient>();
        var plan = IndexPlan.Create(ContractCorpus.Build(), Harness.Options(), new IndexOptions(), DateTimeOffset.UnixEpoch);
        var point = plan.Batches(1).First();

        var result = await client.UpsertPointsAsync(collection, new UpsertPointsRequest(point), Ct);

        qdrant.AssertAllReplayed();
        Assert.Equal("completed", result.Status);
    }

    [Fact]
    public async Task A_503_that_persists_past_the_retries_ends_in_a_clear_exception()
    {
        var qdrant = RecordedQdrant.Fixture("503-persists");
        await using var services = Harness.Services(qdrant);

        var error = await Assert.ThrowsAsync<QdrantException>(() => services.GetRequiredService<QdrantRestClient>().ListAliasesAsync(Ct));

        qdrant.AssertAllReplayed();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("Shard temporarily unavailable", error.Message);
        Assert.Contains("retrying did not help", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_retried_then_reported_with_how_to_start_or_point_at_one()
    {
        var qdrant = RecordedQdrant.Fixture("unreachable");
        await using var services = Harness.Services(qdrant);

        var error = await Assert.ThrowsAsync<QdrantException>(() => services.GetRequiredService<QdrantRestClient>().ListAliasesAsync(Ct));

        qdrant.AssertAllReplayed();
        Assert.Null(error.StatusCode);
        Assert.Contains("Cannot reach Qdrant at " + RecordedQdrant.BaseUrl, error.Message);
        Assert.Contains("QDRANT_URL", error.Message);
    }

    public static TheoryData<string, int> RecordedExchanges()
    {
        var data = new TheoryData<string, int>();
        foreach (var group in RecordedQdrant.AllExchanges().GroupBy(e => e.Fixture))
            for (var i = 0; i < group.Count(); i++) data.Add(group.Key, i);
        return data;
    }

    [Theory]
    [MemberData(nameof(RecordedExchanges))]
    public void Every_recorded_exchange_conforms_to_qdrants_openapi_spec(string fixture, int exchange)
    {
        var recorded = RecordedQdrant.AllExchanges().Where(e => e.Fixture == fixture).ElementAt(exchange).Exchange;

        if (recorded.Body is not null)
        {
            using var body = JsonDocument.Parse(recorded.Body.ToJsonString());
            var requestErrors = QdrantOpenApi.Instance.ValidateRequest(recorded.Method, recorded.Path, body.RootElement);
            Assert.True(requestErrors.Count == 0, string.Join("\n", requestErrors));
        }
        else
        {
            Assert.NotNull(QdrantOpenApi.Instance.FindOperation(recorded.Method, recorded.Path));
        }
        if (recorded.ResponseJson is { } response)
        {
            var responseErrors = QdrantOpenApi.Instance.ValidateResponse(recorded.Method, recorded.Path, recorded.Status, response);
            Assert.True(responseErrors.Count == 0, string.Join("\n", responseErrors));
        }
    }
}
