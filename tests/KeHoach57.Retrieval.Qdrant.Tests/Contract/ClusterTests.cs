using KeHoach57.Retrieval.Qdrant.Tests.Fake;
using KeHoach57.Retrieval.Qdrant.Tests.Support;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>The cluster settings, as the fake receives them, and what sharding does to BM25 parity.</summary>
public sealed class ClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Số_shard_bản_sao_và_mức_nhất_quán_ghi_đọc_đi_đến_máy_chủ()
    {
        await using var qdrant = await TestQdrant.StartAsync(TestQdrant.Fake, new()
        {
            ["Qdrant:ShardNumber"] = "3",
            ["Qdrant:ReplicationFactor"] = "2",
            ["Qdrant:WriteConsistencyFactor"] = "2",
            ["Qdrant:ReadConsistency"] = "majority",
        });

        await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(cancellationToken: Ct), Ct);
        await qdrant.Index.SearchAsync(SampleCorpus.Request("báo cáo"), Ct);
        await qdrant.Index.GetChunksAsync(["yen-hoa/bao-cao"], Ct);

        var created = Assert.Single(qdrant.Server!.Requests<CreateCollection>());
        Assert.Equal((3u, 2u, 2u), (created.ShardNumber, created.ReplicationFactor, created.WriteConsistencyFactor));
        Assert.All(qdrant.Server.Requests<QueryPoints>(), q => Assert.Equal(ReadConsistencyType.Majority, q.ReadConsistency.Type));
        Assert.All(qdrant.Server.Requests<GetPoints>(), q => Assert.Equal(ReadConsistencyType.Majority, q.ReadConsistency.Type));
        Assert.Equal(ChunkPayload.KeywordFields, qdrant.Server.Requests<CreateFieldIndexCollection>().Select(r => r.FieldName));
    }

    [Fact]
    public async Task Nhiều_shard_thì_IDF_tính_theo_từng_shard_nên_điểm_lệch_khỏi_chỉ_mục_nhúng()
    {
        await using var qdrant = await TestQdrant.StartAsync(TestQdrant.Fake, new() { ["Qdrant:ShardNumber"] = "3" });
        var build = await SampleCorpus.BuildAsync(cancellationToken: Ct);
        await qdrant.Index.ReplaceAsync(build, Ct);
        using var embedded = await SampleCorpus.EmbeddedAsync(build, Ct);

        var differing = 0;
        foreach (var question in SampleCorpus.Questions)
        {
            var request = SampleCorpus.Request(question, limit: 5);
            var expected = await embedded.SearchAsync(request, Ct);
            var actual = await qdrant.Index.SearchAsync(request, Ct);
            if (expected.Zip(actual).Any(p => Math.Abs(p.First.Score - p.Second.Score) > 1e-4 * Math.Max(1, p.First.Score))) differing++;
        }

        Assert.True(differing > 0, "with three shards each scores with its own document frequencies, so some scores must move");
    }
}
