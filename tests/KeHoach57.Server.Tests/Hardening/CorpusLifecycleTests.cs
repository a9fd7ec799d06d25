using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KeHoach57.Core.Documents;
using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Ingestion;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>Bad files under data/ and corpus/ never stop the service, and never cost the index it has (issue 15, findings 1–3).</summary>
public sealed class CorpusLifecycleTests
{
    private static string IndexFile(AssistantServerFactory factory) => Path.Combine(factory.Corpus.DataPath, "embedded-index.bin");

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Fingerprint\": \"abc\", \"Chunks\": [ {\"Chunk\": ")]
    [InlineData("null")]
    [InlineData("[1, 2, 3]")]
    public async Task Chỉ_mục_hỏng_được_phát_hiện_ghi_nhật_ký_và_lập_lại_từ_corpus(string damaged)
    {
        var log = new LogCapture();
        await using var factory = new AssistantServerFactory(services: log.Register);
        await File.WriteAllTextAsync(IndexFile(factory), damaged, TestContext.Current.CancellationToken);

        using var client = await factory.CreateReadyClientAsync();

        await Answers.StillAnswersAsync(client);
        Assert.True(log.Has(LogLevel.Warning, "damaged"), string.Join("\n", log.Entries));
        var rebuilt = new KeHoach57.Retrieval.Embedded.EmbeddedIndex(
            Microsoft.Extensions.Options.Options.Create(new KeHoach57.Retrieval.IndexOptions { DataPath = factory.Corpus.DataPath }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<KeHoach57.Retrieval.Embedded.EmbeddedIndex>.Instance);
        Assert.True((await rebuilt.GetStatusAsync(TestContext.Current.CancellationToken))?.Chunks > 0);
    }

    [Fact]
    public async Task Đường_dẫn_corpus_sai_không_ghi_đè_chỉ_mục_cũ_mà_tiếp_tục_phục_vụ_và_nói_rõ_lý_do()
    {
        await using var first = new AssistantServerFactory();
        using (var client = await first.CreateReadyClientAsync()) await Answers.StillAnswersAsync(client);
        var indexBefore = await File.ReadAllBytesAsync(IndexFile(first), TestContext.Current.CancellationToken);

        var log = new LogCapture();
        await using var second = new AssistantServerFactory(new Dictionary<string, string?>
        {
            ["Corpus:Path"] = Path.Combine(first.Corpus.Root, "khong-co-thu-muc-nay"),
            ["Index:DataPath"] = first.Corpus.DataPath,
        }, log.Register);
        using var wrong = await second.CreateReadyClientAsync();

        using var health = await wrong.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = await health.ReadJsonAsync();
        Assert.Equal("degraded", report.Str("status"));
        Assert.Equal(3, report.GetProperty("documents").GetInt32());
        Assert.Contains("không có văn bản nào đọc được", report.Str("message"));
        Assert.True(log.Has(LogLevel.Warning, "no readable document"), string.Join("\n", log.Entries));
        Assert.Equal(indexBefore, await File.ReadAllBytesAsync(IndexFile(first), TestContext.Current.CancellationToken));
        await Answers.StillAnswersAsync(wrong);
    }

    [Fact]
    public async Task Corpus_trống_khi_chưa_từng_có_chỉ_mục_thì_health_báo_failed_kèm_lý_do()
    {
        await using var factory = new AssistantServerFactory();
        foreach (var file in Directory.GetFiles(factory.Corpus.CorpusPath)) File.Delete(file);
        using var client = factory.CreateClient();

        var report = await AssistantServerFactory.PollHealthAsync(client, r => r.Str("status") != "loading");

        Assert.Equal("failed", report.Str("status"));
        Assert.Contains("không có văn bản nào đọc được", report.Str("message"));
        using var ask = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
        await ProblemAssert.IsVietnameseProblem(ask, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Liên_kết_hỏng_và_FIFO_trong_corpus_bị_bỏ_qua_có_cảnh_báo_không_treo_máy_chủ()
    {
        var log = new LogCapture();
        await using var factory = new AssistantServerFactory(services: log.Register);
        SpecialFiles.Link(Path.Combine(factory.Corpus.CorpusPath, "mat-lien-ket.md"), "/khong/co/tep/nay.md");
        SpecialFiles.Fifo(Path.Combine(factory.Corpus.CorpusPath, "ong-dan.md"));

        using var client = await factory.CreateReadyClientAsync();

        await Answers.StillAnswersAsync(client);
        Assert.True(log.Has(LogLevel.Warning, "mat-lien-ket.md"), string.Join("\n", log.Entries));
        Assert.True(log.Has(LogLevel.Warning, "ong-dan.md"), string.Join("\n", log.Entries));
    }

    [Fact]
    public async Task Nạp_lại_corpus_đổi_cả_ngăn_trả_lời_một_lần_còn_corpus_trống_thì_giữ_ngăn_cũ()
    {
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();
        var holder = factory.Services.GetRequiredService<AssistantHolder>();
        var before = holder.Stack!;

        // A new plan dropped into corpus/ while serving, then a reload: a new stack answers it.
        await File.WriteAllTextAsync(Path.Combine(factory.Corpus.CorpusPath, "phu-luc.md"), """
            ---
            id: phu-luc
            title: Kế hoạch bổ sung về hạ tầng số xã Yên Hòa
            issuer: UBND xã Yên Hòa
            level: xã
            ---

            # I. Hạ tầng số

            Xã Yên Hòa phủ sóng 5G tại 100% thôn trước ngày 30/9/2026.
            """, TestContext.Current.CancellationToken);
        Assert.Equal(ReloadOutcome.Swapped, await holder.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.NotSame(before, holder.Stack);
        Assert.Equal(4, holder.Stack!.Corpus.Documents.Count);
        Assert.Equal(3, before.Corpus.Documents.Count); // the old stack is unchanged for whoever still holds it

        // Then the folder empties: the stack that answers stays, and the status says why.
        foreach (var file in Directory.GetFiles(factory.Corpus.CorpusPath)) File.Delete(file);
        var serving = holder.Stack;
        Assert.Equal(ReloadOutcome.KeptPrevious, await holder.ReloadAsync(TestContext.Current.CancellationToken));
        Assert.Same(serving, holder.Stack);
        Assert.Equal(AssistantState.Degraded, holder.Status.State);
        await Answers.StillAnswersAsync(client);
    }

    [Fact]
    public async Task Tệp_nhị_phân_tệp_quá_lớn_và_sai_mã_hóa_bị_bỏ_qua_từng_tệp()
    {
        var folder = Directory.CreateTempSubdirectory("kh57-corpus-files-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "tot.md"), "---\nid: tot\ntitle: Kế hoạch tốt\n---\n\n# I. Mục tiêu\n\nĐạt 80% hồ sơ trực tuyến.\n", TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder, "nhi-phan.md"), [0x00, 0x01, 0x02, 0x50, 0x4B, 0x03, 0x04, 0x00], TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder, "latin1.md"), [.. "# Ti\u00eau \u0111\u1ec1 "u8, 0xE9, 0xE8, 0xFF], TestContext.Current.CancellationToken);
            await using (var big = File.Create(Path.Combine(folder, "qua-lon.md"))) big.SetLength(2 * 1024 * 1024);
            await File.WriteAllTextAsync(Path.Combine(folder, "rong.md"), "", TestContext.Current.CancellationToken);
            var loader = new CorpusLoader(
                Microsoft.Extensions.Options.Options.Create(new CorpusOptions { Path = folder, MaxFileBytes = 1024 * 1024 }),
                Microsoft.Extensions.Options.Options.Create(new ChunkingOptions()));

            var clock = Stopwatch.StartNew();
            var corpus = loader.Load();

            Assert.Equal(["tot"], corpus.Documents.Select(d => d.Info.Id));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
