using System.Diagnostics;
using Grpc.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Qdrant.Tests.Fake;
using KeHoach57.Retrieval.Qdrant.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Retrieval.Qdrant.Tests.Contract;

/// <summary>
/// Failures a real deployment meets, scripted on the fake: what is retried (by Polly, with a fresh deadline per
/// attempt), what is not, what the message says, and that a failed rebuild never takes the serving index down.
/// </summary>
public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<TestQdrant> FakeAsync(Dictionary<string, string?>? settings = null, string? apiKey = null) =>
        TestQdrant.StartAsync(TestQdrant.Fake, settings, apiKey);

    [Fact]
    public async Task UNAVAILABLE_thoáng_qua_khi_ghi_được_thử_lại_và_bản_dựng_vẫn_xong()
    {
        await using var qdrant = await FakeAsync();
        qdrant.Server!.Script(QdrantMethods.Upsert, Fault.Unavailable(), Fault.Unavailable());

        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);

        // Batches of 4: one chunk batch and the status point, plus the two failed attempts.
        Assert.Equal(4, qdrant.Server.Count(QdrantMethods.Upsert));
        Assert.NotNull(await qdrant.Index.GetStatusAsync(Ct));
    }

    [Fact]
    public async Task Một_lô_lớn_hơn_1_MB_vẫn_được_thử_lại_trọn_vẹn()
    {
        await using var qdrant = await FakeAsync(new() { ["Qdrant:BatchSize"] = "64" });
        var build = LargeBuild(chunks: 40, textLength: 40_000);
        qdrant.Server!.Script(QdrantMethods.Upsert, Fault.Unavailable());

        await qdrant.Index.ReplaceAsync(build, Ct);

        var batches = qdrant.Server.Requests<global::Qdrant.Client.Grpc.UpsertPoints>().Take(2).ToList();
        Assert.All(batches, b => Assert.True(b.CalculateSize() > 1024 * 1024, $"batch of {b.CalculateSize()} bytes"));
        Assert.Equal(batches[0], batches[1]);
        Assert.Equal(40, (await qdrant.Index.GetStatusAsync(Ct))?.Chunks);
    }

    [Fact]
    public async Task RESOURCE_EXHAUSTED_do_giới_hạn_tốc_độ_thì_chờ_đúng_retry_after_rồi_thử_lại()
    {
        await using var qdrant = await FakeAsync();
        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);
        qdrant.Server!.Script(QdrantMethods.Query, Fault.RateLimited(retryAfterSeconds: 1));
        var clock = Stopwatch.StartNew();

        var hits = await qdrant.Index.SearchAsync(new SearchRequest([new("báo_cáo", 1f)]), Ct);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        Assert.Equal(ContractCorpus.Report, Assert.Single(hits).Chunk);
    }

    [Fact]
    public async Task Hết_dung_lượng_đĩa_thì_không_thử_lại_mà_báo_cần_kiểm_tra_gì()
    {
        await using var qdrant = await FakeAsync();
        qdrant.Server!.Script(QdrantMethods.Upsert, Fault.InsufficientStorage());

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct));

        Assert.Equal(1, qdrant.Server.Count(QdrantMethods.Upsert));
        Assert.Contains("No space left on device", error.Message);
        Assert.Contains("free space", error.Message);
    }

    [Fact]
    public async Task Quá_hạn_chờ_mỗi_lần_gọi_thì_thử_lại_rồi_báo_DEADLINE_EXCEEDED_kèm_thiết_lập_cần_chỉnh()
    {
        await using var qdrant = await FakeAsync(new() { ["Qdrant:TimeoutSeconds"] = "1", ["Qdrant:MaxRetries"] = "1" });
        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);
        qdrant.Server!.Script(QdrantMethods.Query, Fault.Delay(TimeSpan.FromSeconds(30)), Fault.Delay(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => qdrant.Index.SearchAsync(new SearchRequest([new("báo_cáo", 1f)]), Ct));

        Assert.Equal(StatusCode.DeadlineExceeded, error.Code);
        // Each attempt carries its own deadline of at most 1 s (a shared one would leave the retry ~0 s), and the
        // client, not the 30 s delay, ended both. Read from the calls, not a stopwatch: a loaded machine stretches time.
        var deadlines = qdrant.Server.Timeouts(QdrantMethods.Query).Select(GrpcTimeout).ToList();
        Assert.Equal(2, deadlines.Count);
        Assert.All(deadlines, d => Assert.InRange(d, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));
        Assert.Equal(2, qdrant.Server.DelaysCutShort);
        Assert.Contains("did not answer a query on " + qdrant.Alias + " within 1 s (tried 2 times)", error.Message);
        Assert.Contains("Qdrant:TimeoutSeconds", error.Message);
    }

    [Fact]
    public async Task Server_trả_DEADLINE_EXCEEDED_một_lần_thì_lần_sau_vẫn_thành_công()
    {
        await using var qdrant = await FakeAsync();
        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);
        qdrant.Server!.Script(QdrantMethods.Get, Fault.DeadlineExceeded());

        Assert.Equal("corpus-fp-1", (await qdrant.Index.GetStatusAsync(Ct))?.Fingerprint);
        Assert.Equal(2, qdrant.Server.Count(QdrantMethods.Get));
    }

    [Fact]
    public async Task Luồng_bị_cắt_giữa_chừng_được_thử_lại()
    {
        await using var qdrant = await FakeAsync();
        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);
        qdrant.Server!.Script(QdrantMethods.Query, Fault.DropStream());

        var hits = await qdrant.Index.SearchAsync(new SearchRequest([new("báo_cáo", 1f)]), Ct);

        Assert.Equal(ContractCorpus.Report, Assert.Single(hits).Chunk);
        Assert.Equal(2, qdrant.Server.Count(QdrantMethods.Query));
    }

    [Fact]
    public async Task UNAVAILABLE_kéo_dài_quá_số_lần_thử_thì_báo_địa_chỉ_và_cách_kiểm_tra()
    {
        await using var qdrant = await FakeAsync(new() { ["Qdrant:MaxRetries"] = "2" });
        qdrant.Server!.Script(QdrantMethods.ListCollections, Fault.Unavailable(), Fault.Unavailable(), Fault.Unavailable());

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct));

        Assert.Equal(3, qdrant.Server.Count(QdrantMethods.ListCollections));
        Assert.Contains("Cannot reach Qdrant at http://fake-qdrant:6334/ for the collection list", error.Message);
        Assert.Contains("shard temporarily unavailable (tried 3 times)", error.Message);
        Assert.Contains("Qdrant:Url (or QDRANT_URL)", error.Message);
    }

    [Fact]
    public async Task Không_có_máy_chủ_nào_nghe_thì_báo_không_kết_nối_được_và_nhắc_cổng_gRPC()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Loopback port 9 (discard) has nothing listening here; 6333 would hint at the REST port.
            ["Qdrant:Url"] = "http://127.0.0.1:9",
            ["Qdrant:MaxRetries"] = "1",
            ["Qdrant:RetryDelayMilliseconds"] = "1",
            ["Qdrant:TimeoutSeconds"] = "5",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddQdrantSearchIndex(configuration).BuildServiceProvider();

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => services.GetRequiredService<ISearchIndex>().GetStatusAsync(Ct));

        Assert.Equal(StatusCode.Unavailable, error.Code);
        Assert.StartsWith("Cannot reach Qdrant at http://127.0.0.1:9/ for the index status", error.Message);
        Assert.Contains("gRPC port", error.Message);
    }

    [Fact]
    public async Task Lập_lại_chỉ_mục_thất_bại_giữa_chừng_thì_bí_danh_vẫn_phục_vụ_bản_cũ_và_bản_dở_bị_xóa()
    {
        await using var qdrant = await FakeAsync(new() { ["Qdrant:BatchSize"] = "2" });
        await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(cancellationToken: Ct), Ct);
        var old = await qdrant.LiveCollectionAsync();
        var before = await qdrant.Index.SearchAsync(SampleCorpus.Request("phủ sóng 5G"), Ct);
        // The second batch of the new build is refused for good: retries cannot help an invalid request.
        qdrant.Server!.Script(QdrantMethods.Upsert, Fault.Unavailable(), Fault.Status(StatusCode.InvalidArgument, "Wrong input: payload too large"));
        var changed = SampleCorpus.Corpus("sample-fp-2", keep: id => id != "cau-giay/nhiem-vu-1");

        var error = await Assert.ThrowsAsync<QdrantCallException>(async () => await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(changed, Ct), Ct));

        Assert.Contains("rejected an upsert of 2 points", error.Message);
        Assert.Contains("payload too large", error.Message);
        Assert.Equal(old, await qdrant.LiveCollectionAsync());
        Assert.Equal([old!], await qdrant.BuildsAsync());
        Assert.StartsWith("sample-fp-1+", (await qdrant.Index.GetStatusAsync(Ct))?.Fingerprint);
        Assert.Equal(before, await qdrant.Index.SearchAsync(SampleCorpus.Request("phủ sóng 5G"), Ct));
    }

    [Fact]
    public async Task Mất_câu_trả_lời_của_lệnh_chuyển_bí_danh_đã_áp_dụng_thì_coi_như_xong_và_dọn_bản_cũ()
    {
        await using var qdrant = await FakeAsync(new() { ["Qdrant:MaxRetries"] = "0" });
        await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(cancellationToken: Ct), Ct);
        qdrant.Server!.Script(QdrantMethods.UpdateAliases, Fault.AnswerLost());

        await qdrant.Index.ReplaceAsync(await SampleCorpus.BuildAsync(SampleCorpus.Corpus("sample-fp-2"), Ct), Ct);

        Assert.Equal([await qdrant.LiveCollectionAsync()], await qdrant.BuildsAsync());
        Assert.StartsWith("sample-fp-2+", (await qdrant.Index.GetStatusAsync(Ct))?.Fingerprint);
    }

    [Fact]
    public async Task Khóa_API_sai_thì_không_thử_lại_và_chỉ_ra_biến_môi_trường_cần_đặt()
    {
        await using var qdrant = await FakeAsync(new() { ["Qdrant:ApiKey"] = "wrong-key" }, apiKey: "server-key");

        var error = await Assert.ThrowsAsync<QdrantCallException>(() => qdrant.Index.GetStatusAsync(Ct));

        Assert.Equal(StatusCode.PermissionDenied, error.Code);
        Assert.Equal(1, qdrant.Server!.Calls.Count);
        Assert.Contains("Invalid api-key", error.Message);
        Assert.Contains("Qdrant__ApiKey", error.Message);
    }

    [Fact]
    public async Task Khóa_API_đúng_được_gửi_trong_header_api_key_của_mọi_lời_gọi()
    {
        await using var qdrant = await FakeAsync(new() { ["Qdrant:ApiKey"] = "server-key" }, apiKey: "server-key");

        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);

        Assert.NotNull(await qdrant.Index.GetStatusAsync(Ct));
    }

    [Fact]
    public async Task Yêu_cầu_không_hợp_lệ_thì_không_thử_lại_và_mang_nguyên_lời_của_Qdrant()
    {
        await using var qdrant = await FakeAsync();
        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);
        qdrant.Server!.Script(QdrantMethods.Query, Fault.Status(StatusCode.InvalidArgument, "Wrong input: Not existing vector name error: lexical"));

        var error = await Assert.ThrowsAsync<QdrantCallException>(() => qdrant.Index.SearchAsync(new SearchRequest([new("báo_cáo", 1f)]), Ct));

        Assert.Equal(1, qdrant.Server.Count(QdrantMethods.Query));
        Assert.Contains($"rejected a query on {qdrant.Alias}: Wrong input: Not existing vector name error: lexical", error.Message);
    }

    [Fact]
    public async Task Người_gọi_hủy_thì_nhận_OperationCanceledException_chứ_không_phải_lỗi_máy_chủ()
    {
        await using var qdrant = await FakeAsync();
        await qdrant.Index.ReplaceAsync(ContractCorpus.Build(), Ct);
        qdrant.Server!.Script(QdrantMethods.Query, Fault.Delay(TimeSpan.FromSeconds(30)));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var search = qdrant.Index.SearchAsync(new SearchRequest([new("báo_cáo", 1f)]), cancel.Token);
        // Cancelled while the server holds the call, however long the call took to get there.
        await qdrant.Server.Holding.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
        Assert.Equal(1, qdrant.Server.Count(QdrantMethods.Query));
    }

    [Fact]
    public async Task Một_lời_gọi_máy_chủ_không_có_thì_nhận_UNIMPLEMENTED_như_máy_chủ_khác_phiên_bản()
    {
        await using var qdrant = await FakeAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => qdrant.Client.GetCollectionInfoAsync("kehoach57", Ct));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    /// <summary>A grpc-timeout header's value ("998m", "1S", "100000u") as a span.</summary>
    private static TimeSpan GrpcTimeout(string? header)
    {
        Assert.False(string.IsNullOrEmpty(header), "the call carried no deadline");
        var amount = long.Parse(header[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return header[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            var unit => throw new FormatException($"grpc-timeout unit '{unit}' in \"{header}\""),
        };
    }

    private static IndexBuild LargeBuild(int chunks, int textLength)
    {
        var text = string.Concat(Enumerable.Repeat("chuyển đổi số ", textLength / 14 + 1))[..textLength];
        var list = Enumerable.Range(0, chunks)
            .Select(i => new IndexedChunk(new Chunk($"lon/doan-{i}", "lon", "Mục", text + i, Ordinal: i), ["chuyển_đổi_số", "đoạn_" + i]))
            .ToList();
        return new IndexBuild("large-fp", [new DocumentInfo("lon", "Kế hoạch lớn")], list);
    }
}
