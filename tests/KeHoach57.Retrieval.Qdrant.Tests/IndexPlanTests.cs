using System.Reflection;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Qdrant.Tests.Support;
using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant.Tests;

public sealed class IndexPlanTests
{
    private static QdrantOptions Options(int shards = 1, int replicas = 1, int writeConsistency = 1) =>
        new() { Collection = "kehoach57", ShardNumber = shards, ReplicationFactor = replicas, WriteConsistencyFactor = writeConsistency };

    private static IndexPlan Plan(IndexBuild build, QdrantOptions? options = null, IndexOptions? index = null) =>
        IndexPlan.Create(build, options ?? Options(), index ?? new IndexOptions(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Collection_is_named_after_the_alias_and_a_hash_of_the_build_so_the_same_build_lands_in_the_same_collection()
    {
        var name = Plan(ContractCorpus.Build()).CollectionName;

        Assert.Matches("^kehoach57-[0-9a-f]{12}$", name);
        Assert.Equal(name, Plan(ContractCorpus.Build()).CollectionName);
        Assert.True(IndexPlan.IsBuildOf("kehoach57", name));
    }

    [Fact]
    public void Anything_that_changes_the_collection_changes_its_name()
    {
        var build = ContractCorpus.Build();
        var name = Plan(build).CollectionName;
        var editedText = build with { Chunks = [build.Chunks[0] with { Chunk = ContractCorpus.Goal with { Text = "Hoàn thành năm 2026." } }, .. build.Chunks.Skip(1)] };
        var otherTerms = build with { Chunks = [build.Chunks[0] with { Terms = ["hoàn_thành"] }, .. build.Chunks.Skip(1)] };
        var retitled = build with { Documents = [ContractCorpus.YenHoa with { Title = "Kế hoạch khác" }, ContractCorpus.HaNoi] };

        Assert.All(new[]
        {
            Plan(editedText).CollectionName,
            Plan(otherTerms).CollectionName,
            Plan(retitled).CollectionName,
            Plan(build with { Fingerprint = "corpus-fp-2" }).CollectionName,
            Plan(ContractCorpus.Build(dense: true)).CollectionName,
            Plan(build, index: new IndexOptions { K1 = 1.5 }).CollectionName,
            Plan(build, Options(shards: 2)).CollectionName,
            Plan(build, Options(replicas: 2)).CollectionName,
            Plan(build, Options(replicas: 2, writeConsistency: 2)).CollectionName,
        }, other => Assert.NotEqual(name, other));
    }

    [Theory]
    [InlineData("kehoach57-0123456789ab", true)]
    [InlineData("kehoach57", false)]
    [InlineData("kehoach57-0123456789AB", false)]
    [InlineData("kehoach57-0123456789a", false)]
    [InlineData("kehoach57-eval-backup", false)]
    [InlineData("other-0123456789ab", false)]
    public void Only_names_of_this_alias_builds_count_as_its_stale_collections(string collection, bool isBuild) =>
        Assert.Equal(isBuild, IndexPlan.IsBuildOf("kehoach57", collection));

    [Fact]
    public void Collection_has_the_idf_sparse_vector_the_cluster_settings_and_a_cosine_dense_vector_sized_by_the_embeddings()
    {
        var plain = Plan(ContractCorpus.Build(), Options(shards: 2, replicas: 3, writeConsistency: 2)).CreateRequest;
        var dense = Plan(ContractCorpus.Build(dense: true)).CreateRequest;

        Assert.Equal(Modifier.Idf, plain.SparseVectorsConfig.Map[IndexPlan.LexicalVector].Modifier);
        Assert.Null(plain.VectorsConfig);
        Assert.Equal((2u, 3u, 2u), (plain.ShardNumber, plain.ReplicationFactor, plain.WriteConsistencyFactor));
        var vector = dense.VectorsConfig.ParamsMap.Map[IndexPlan.DenseVector];
        Assert.Equal((3ul, Distance.Cosine), (vector.Size, vector.Distance));
    }

    [Fact]
    public void Embeddings_of_different_sizes_in_one_build_are_refused_with_the_chunk_named()
    {
        var build = ContractCorpus.Build(dense: true);
        var mixed = build with { Chunks = [.. build.Chunks.Take(2), build.Chunks[2] with { Dense = new float[] { 1f, 0f } }] };

        var error = Assert.Throws<ArgumentException>(() => Plan(mixed));

        Assert.Contains("ha-noi/bang-1-dong-2", error.Message);
        Assert.Contains("one embedding model", error.Message);
    }

    [Fact]
    public void Points_come_in_build_order_with_uuid5_ids_a_lexical_vector_each_and_their_position()
    {
        var build = ContractCorpus.Build() with
        {
            Chunks = [.. ContractCorpus.Build().Chunks, new IndexedChunk(new Chunk("ha-noi/trong", "ha-noi", "V.", ""), [])],
        };

        var batches = Plan(build).Batches(3).ToList();

        Assert.Equal([3, 1], batches.Select(b => b.Count));
        var points = batches.SelectMany(b => b).ToList();
        Assert.Equal(build.Chunks.Select(c => IndexPlan.PointIdOf(c.Chunk.Id).ToString()), points.Select(p => p.Id.Uuid));
        Assert.All(points, p => Assert.Equal(Vector.VectorOneofCase.Sparse, p.Vectors.Vectors_.Vectors[IndexPlan.LexicalVector].VectorCase));
        Assert.Equal([0, 1, 2, 3], points.Select(p => ChunkPayload.Read(p.Payload)!.Position));
        Assert.Equal("a7b84935-c29d-5150-a24a-944c8235e0da", points[0].Id.Uuid);
    }

    [Fact]
    public void Payload_carries_every_chunk_field_so_a_hit_is_rebuilt_whole()
    {
        // Every constructor parameter gets a non-default value: a field added to Chunk but not to the
        // payload makes this fail instead of silently dropping out of Qdrant hits.
        var parameters = typeof(Chunk).GetConstructors().Single(c => c.GetParameters().Length > 1).GetParameters();
        var chunk = (Chunk)Activator.CreateInstance(typeof(Chunk), parameters.Select(NonDefault).ToArray())!;

        var payload = new PointStruct { Payload = { ChunkPayload.From(chunk, ContractCorpus.YenHoa, 4).ToPayload() } }.Payload;
        var read = ChunkPayload.Read(payload);

        Assert.Equal(chunk, read!.ToChunk());
        Assert.Equal((ContractCorpus.YenHoa.Title, ContractCorpus.YenHoa.Locality, ContractCorpus.YenHoa.Level, 4), (read.Title, read.Locality, read.Level, read.Position));
        Assert.Equal("table_row", payload["kind"].StringValue);
        Assert.Equal("DOC-X", payload[ChunkPayload.DocKeyField].StringValue);
    }

    [Fact]
    public void A_point_that_is_not_a_chunk_is_not_read_as_one()
    {
        Assert.Null(ChunkPayload.Read(new Dictionary<string, Value>()));
        Assert.Null(ChunkPayload.Read(Plan(ContractCorpus.Build()).Status.ToPoint().Payload));
        Assert.Null(ChunkPayload.Read(new Dictionary<string, Value> { ["chunk_id"] = 5L, ["doc_id"] = "d" }));
    }

    [Fact]
    public void Status_payload_round_trips_and_its_point_has_no_vector()
    {
        var status = Plan(ContractCorpus.Build(dense: true)).Status;
        var point = status.ToPoint();

        var read = IndexStatusPayload.Read(point.Payload);

        Assert.Equal(status, read);
        Assert.Empty(point.Vectors.Vectors_.Vectors);
        Assert.Equal(new IndexStatus("corpus-fp-1", 2, 3, DateTimeOffset.UnixEpoch), read!.ToStatus());
        Assert.Equal(3, read.DenseSize);
        Assert.Null(IndexStatusPayload.Read(new Dictionary<string, Value> { ["index_status"] = "not a struct" }));
    }

    private static object NonDefault(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => parameter.Name == "Id" ? "doc-x/anchor-" + parameter.Name : parameter.Name == "DocId" ? "doc-x" : "giá trị " + parameter.Name,
        var t when t == typeof(int) => 7,
        var t when t.IsEnum => Enum.GetValues(t).Cast<object>().Last(),
        var t => throw new InvalidOperationException($"Chunk gained a {t.Name} parameter: teach this test and ChunkPayload about it."),
    };
}
