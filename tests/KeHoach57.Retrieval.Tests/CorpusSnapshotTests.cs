using System.Text.Json;
using KeHoach57.Core.Documents;
using KeHoach57.Hosting.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;

namespace KeHoach57.Retrieval.Tests;

/// <summary>The corpus kept beside the index: read back whole when corpus/ cannot be, and its fingerprint read without the rest.</summary>
public class CorpusSnapshotTests() : DataFolderTests("kehoach57-snapshot-tests")
{
    private static Corpus Sample(string fingerprint) => new(
    [
        new CorpusDocument(new DocumentInfo("yen-hoa", "Kế hoạch xã Yên Hòa", "UBND xã Yên Hòa", "44/KH-UBND", "2025-03-10", "Yên Hòa", "xã", "yen-hoa.md"),
            "---\nid: yen-hoa\n---\n\n## III. Tổ chức thực hiện\n\nBáo cáo trước ngày 10/6.",
            [new Chunk("yen-hoa/iii", "yen-hoa", "III. Tổ chức thực hiện", "Báo cáo trước ngày 10/6.", Ordinal: 0),
             new Chunk("yen-hoa/row-1", "yen-hoa", "Phụ lục", "Phòng Kinh tế | 2026", ChunkKind.TableRow, "STT | Đơn vị | Năm", 1)]),
        new CorpusDocument(new DocumentInfo("hung-yen", "Kế hoạch tỉnh Hưng Yên"), "", []),
    ], fingerprint);

    private CorpusSnapshot Snapshot() => new(Path.Combine(Data, CorpusSnapshot.FileName), NullLogger.Instance);

    [Fact]
    public async Task Đọc_lại_đúng_các_kế_hoạch_và_dấu_vân_tay_đã_lưu()
    {
        var corpus = Sample("abc123");
        await Snapshot().SaveAsync(corpus, TestContext.Current.CancellationToken);

        var loaded = await Snapshot().LoadAsync(TestContext.Current.CancellationToken);

        Assert.Equal("abc123", await Snapshot().FingerprintAsync(TestContext.Current.CancellationToken));
        Assert.NotNull(loaded);
        Assert.Equal(corpus.Fingerprint, loaded.Fingerprint);
        Assert.Equal(corpus.Documents.Select(d => (d.Info, d.Markdown)), loaded.Documents.Select(d => (d.Info, d.Markdown)));
        Assert.Equal(corpus.Chunks, loaded.Chunks);
    }

    [Fact]
    public async Task Tệp_hỏng_hay_cụt_thì_không_dùng()
    {
        await Snapshot().SaveAsync(Sample("abc123"), TestContext.Current.CancellationToken);
        var path = Path.Combine(Data, CorpusSnapshot.FileName);
        var whole = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, whole[..(whole.Length - 9)], TestContext.Current.CancellationToken);

        Assert.Null(await Snapshot().LoadAsync(TestContext.Current.CancellationToken));

        await File.WriteAllTextAsync(path, "{\"fingerprint\": \"abc123\"}", TestContext.Current.CancellationToken);
        Assert.Null(await Snapshot().FingerprintAsync(TestContext.Current.CancellationToken));
        Assert.Null(await Snapshot().LoadAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ảnh_chụp_JSON_của_bản_cũ_vẫn_phục_vụ_được_rồi_được_thay_ở_lần_lưu_sau()
    {
        var corpus = Sample("cu");
        var legacy = Path.Combine(Data, "corpus-snapshot.json");
        Directory.CreateDirectory(Data);
        await File.WriteAllTextAsync(legacy, JsonSerializer.Serialize(new { corpus.Fingerprint, corpus.Documents }, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            TestContext.Current.CancellationToken);

        // Not read for the fingerprint (a start would then write the binary one), but served when there is nothing else.
        Assert.Null(await Snapshot().FingerprintAsync(TestContext.Current.CancellationToken));
        var loaded = await Snapshot().LoadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(corpus.Documents.Select(d => (d.Info, d.Markdown)), loaded!.Documents.Select(d => (d.Info, d.Markdown)));
        Assert.Equal(corpus.Chunks, loaded.Chunks);

        await Snapshot().SaveAsync(Sample("moi"), TestContext.Current.CancellationToken);
        Assert.False(File.Exists(legacy));
        Assert.Equal("moi", await Snapshot().FingerprintAsync(TestContext.Current.CancellationToken));
    }
}
