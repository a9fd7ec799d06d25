using System.Text;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Tests;

public class CorpusLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kh57-corpus-").FullName;
    private readonly WarningLog log = new();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private CorpusLoader Loader() =>
        new(Options.Create(new CorpusOptions { Path = folder }), Options.Create(new ChunkingOptions()), log);

    private void CopySeed(string id, string? asName = null) =>
        File.Copy(Path.Combine(Seeds.CorpusFolder, id + ".md"), Path.Combine(folder, asName ?? id + ".md"));

    [Fact]
    public void Bỏ_qua_tệp_hỏng_mà_không_mất_các_tệp_khác()
    {
        CopySeed("yen-hoa");
        CopySeed("hung-yen");
        File.WriteAllBytes(Path.Combine(folder, "latin1.md"), [.. Encoding.Latin1.GetBytes("---\nid: x\n---\n## K\u1EBF ho\u1EA1ch"), 0xFF, 0xFE]);
        File.WriteAllText(Path.Combine(folder, "broken.md"), "---\nid: \"broken\ntitle: x\n## I. Muc tieu\n\nNoi dung");
        File.WriteAllText(Path.Combine(folder, "unclosed.md"), "---\nid: unclosed\n\n## I. Muc tieu\n\nNoi dung");
        File.WriteAllText(Path.Combine(folder, "empty.md"), "  \n");

        var corpus = Loader().Load();

        Assert.Equal(["yen-hoa", "hung-yen"], corpus.Documents.Select(d => d.Info.Id).OrderDescending());
        Assert.Equal(4, log.Warnings.Count);
        Assert.Contains(log.Warnings, w => w.Contains("latin1.md") && w.Contains("UTF-8"));
        Assert.Contains(log.Warnings, w => w.Contains("unclosed.md") && w.Contains("front matter"));
        Assert.Equal(Seeds.Chunks("hung-yen").Select(c => c.Id), corpus.Find("hung-yen")!.Chunks.Select(c => c.Id));
    }

    [Fact]
    public void Tệp_txt_thả_vào_corpus_được_nhập_ngay()
    {
        CopySeed("yen-hoa");
        File.WriteAllText(Path.Combine(folder, "Phố Hiến.txt"), Seeds.Raw("hung-yen"));
        Directory.CreateDirectory(Path.Combine(folder, "raw"));
        File.WriteAllText(Path.Combine(folder, "raw", "ignored.txt"), Seeds.Raw("bac-giang"));

        var corpus = Loader().Load();

        var dropped = corpus.Find("pho-hien");
        Assert.NotNull(dropped);
        Assert.Equal("44/KH-UBND", dropped.Info.Number);
        Assert.Equal("Phố Hiến.txt", dropped.Info.Source);
        Assert.Contains(dropped.Chunks, c => c.Id == "pho-hien/v-2" && c.Text.Contains("trwdc ngay 05/6"));
        Assert.StartsWith("---\nid: \"pho-hien\"", dropped.Markdown);
        Assert.Equal(2, corpus.Documents.Count);
        Assert.Empty(log.Warnings);
    }

    [Fact]
    public void Markdown_không_có_front_matter_lấy_mã_từ_tên_tệp()
    {
        File.WriteAllText(Path.Combine(folder, "ke-hoach-moi.md"),
            "## I. Mục tiêu\n\n- Phủ sóng 5G toàn xã.\n\n## II. Tổ chức thực hiện\n\nPhòng Văn hóa - Xã hội chủ trì, báo cáo trước ngày 10 hằng tháng.\n");

        var document = Assert.Single(Loader().Load().Documents);

        Assert.Equal("ke-hoach-moi", document.Info.Id);
        Assert.Equal(["ke-hoach-moi/i-muc-tieu"], document.Chunks.Select(c => c.Id));
        Assert.Equal("I. Mục tiêu\n- Phủ sóng 5G toàn xã.\nII. Tổ chức thực hiện\nPhòng Văn hóa - Xã hội chủ trì, báo cáo trước ngày 10 hằng tháng.", document.Chunks[0].Text);
    }

    [Fact]
    public void Dấu_vân_tay_đổi_khi_một_tệp_đổi()
    {
        CopySeed("yen-hoa");
        var first = Loader().Load().Fingerprint;
        Assert.Equal(first, Loader().Load().Fingerprint);

        File.AppendAllText(Path.Combine(folder, "yen-hoa.md"), "\nThêm một dòng.\n");
        Assert.NotEqual(first, Loader().Load().Fingerprint);
    }

    [Fact]
    public void Đọc_lại_corpus_đã_nhập_cho_cùng_các_đoạn_như_khi_nhập()
    {
        foreach (var id in Seeds.Ids) CopySeed(id);
        var corpus = Loader().Load();
        foreach (var id in Seeds.Ids)
            Assert.Equal(Seeds.Chunks(id), corpus.Find(id)!.Chunks);
    }

    [Fact]
    public void Lần_nạp_sau_dùng_bản_đã_cắt_sẵn_cho_cùng_corpus_và_tệp_đổi_thì_cắt_lại()
    {
        var cache = Path.Combine(folder, "cache");
        CorpusLoader Cached() => new(Options.Create(new CorpusOptions { Path = folder, CacheFolder = cache }), Options.Create(new ChunkingOptions()), log);
        foreach (var id in Seeds.Ids) CopySeed(id);
        File.WriteAllText(Path.Combine(folder, "Phố Hiến.txt"), Seeds.Raw("hung-yen"));
        File.WriteAllText(Path.Combine(folder, "empty.md"), "  \n");

        var parsed = Cached().Load();
        var reread = Cached().Load();

        Assert.True(File.Exists(Path.Combine(cache, "corpus-cache.bin")));
        Assert.Equal(parsed.Fingerprint, reread.Fingerprint);
        Assert.Equal(parsed.Documents.Select(d => (d.Info, d.Markdown)), reread.Documents.Select(d => (d.Info, d.Markdown)));
        Assert.Equal(parsed.Chunks, reread.Chunks);
        Assert.Equal(2, log.Warnings.Count(w => w.Contains("empty.md")));

        File.AppendAllText(Path.Combine(folder, "yen-hoa.md"), "\n## Bổ sung\n\nGiao Phòng Kinh tế báo cáo trước ngày 05/12.\n");
        Assert.Contains(Cached().Load().Find("yen-hoa")!.Chunks, c => c.Text.Contains("Phòng Kinh tế"));

        File.WriteAllText(Path.Combine(cache, "corpus-cache.bin"), "hỏng");
        Assert.Equal(parsed.Documents.Count, Cached().Load().Documents.Count);
    }

    [Fact]
    public void Các_kế_hoạch_được_đọc_song_song_nhưng_kết_quả_và_cảnh_báo_theo_thứ_tự_tên_tệp()
    {
        foreach (var id in Seeds.Ids) CopySeed(id);
        // The same plan again under later names: the first file in name order keeps the id, whichever was parsed first.
        CopySeed("yen-hoa", "zz-ban-sao.md");
        CopySeed("hung-yen", "yy-ban-sao.md");
        foreach (var name in new[] { "a-rong.md", "m-rong.md", "zzz-rong.md" }) File.WriteAllText(Path.Combine(folder, name), " \n");

        var corpus = Loader().Load();

        Assert.Equal(Seeds.Ids.Order(StringComparer.Ordinal), corpus.Documents.Select(d => d.Info.Id));
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "yen-hoa.md")), corpus.Find("yen-hoa")!.Markdown);
        var named = log.Warnings.Select(w => w.Split(':')[0]).ToList();
        Assert.Equal(["Skipping a-rong.md", "Skipping m-rong.md", "Skipping yy-ban-sao.md", "Skipping zz-ban-sao.md", "Skipping zzz-rong.md"], named);
    }

    private sealed class WarningLog : ILogger<CorpusLoader>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }
}
