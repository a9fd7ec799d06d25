using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Qdrant.Tests.Support;

/// <summary>
/// A small corpus of plan passages run through the real analyzer and indexer, for comparing the Qdrant
/// backend with the embedded one. Two chunks share their text word for word, so scores tie exactly.
/// </summary>
public static class SampleCorpus
{
    private static readonly (string Doc, string Title, string Locality, string Level)[] Documents =
    [
        ("yen-hoa", "Kế hoạch chuyển đổi số phường Yên Hòa năm 2025", "Yên Hòa", "xã"),
        ("cau-giay", "Kế hoạch thực hiện Nghị quyết 57-NQ/TW quận Cầu Giấy", "Cầu Giấy", "xã"),
        ("ha-noi", "Kế hoạch phát triển khoa học, công nghệ, đổi mới sáng tạo thành phố Hà Nội", "Hà Nội", "tỉnh"),
    ];

    private static readonly (string Doc, string Anchor, string Section, string Text, ChunkKind Kind, string Context)[] Passages =
    [
        ("yen-hoa", "muc-tieu", "I. Mục đích, yêu cầu › 1. Mục tiêu", "Đến năm 2025, 100% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trên môi trường số.", ChunkKind.Text, ""),
        ("yen-hoa", "bao-cao", "IV. Tổ chức thực hiện › 3. Chế độ báo cáo", "Các bộ phận báo cáo kết quả thực hiện 6 tháng trước ngày 10/6 và báo cáo năm trước ngày 10/12.", ChunkKind.Text, ""),
        ("yen-hoa", "kinh-phi", "IV. Tổ chức thực hiện › 4. Kinh phí", "Kinh phí thực hiện từ ngân sách phường và các nguồn hợp pháp khác.", ChunkKind.Text, ""),
        ("cau-giay", "nhiem-vu-1", "II. Nhiệm vụ › 1. Hạ tầng số", "Hoàn thiện hạ tầng số, phủ sóng 5G tại 100% tổ dân phố trong năm 2026.", ChunkKind.Text, ""),
        ("cau-giay", "kinh-phi", "IV. Tổ chức thực hiện › 4. Kinh phí", "Kinh phí thực hiện từ ngân sách phường và các nguồn hợp pháp khác.", ChunkKind.Text, ""),
        ("cau-giay", "bao-cao", "IV. Tổ chức thực hiện › 3. Chế độ báo cáo", "Phòng Văn hóa và Thông tin tổng hợp, báo cáo Ủy ban nhân dân quận trước ngày 15 hằng tháng.", ChunkKind.Text, ""),
        ("ha-noi", "phu-luc-1-dong-3", "Phụ lục I › Danh mục nhiệm vụ", "Xây dựng trung tâm dữ liệu thành phố | Sở Khoa học và Công nghệ | 2027", ChunkKind.TableRow,
            "Phụ lục I: Danh mục nhiệm vụ trọng tâm\nNhiệm vụ | Cơ quan chủ trì | Thời hạn"),
        ("ha-noi", "muc-tieu", "I. Mục tiêu › 2. Mục tiêu cụ thể", "Tỷ trọng kinh tế số đạt 30% GRDP; chỉ số đổi mới sáng tạo thuộc nhóm dẫn đầu cả nước.", ChunkKind.Text, ""),
        ("ha-noi", "trong-trang", "V. Điều khoản thi hành", "", ChunkKind.Text, ""),
    ];

    public static readonly VietnameseAnalyzer Analyzer = new();

    /// <summary>Questions as the assistant would send them: analyzer terms, stop words down-weighted.</summary>
    public static readonly string[] Questions =
    [
        "Hạn báo cáo 6 tháng là ngày nào?",
        "Kinh phí thực hiện lấy từ đâu?",
        "Mục tiêu năm 2025 về thủ tục hành chính",
        "Ai chủ trì xây dựng trung tâm dữ liệu?",
        "phủ sóng 5G",
        "kinh tế số GRDP",
        "câu hỏi không liên quan gì đến kế hoạch",
    ];

    public static Corpus Corpus(string fingerprint = "sample-fp-1", Func<string, bool>? keep = null)
    {
        var documents = Documents.Select(d => new CorpusDocument(
            new DocumentInfo(d.Doc, d.Title, Locality: d.Locality, Level: d.Level),
            "",
            Passages.Where(p => p.Doc == d.Doc && (keep?.Invoke($"{p.Doc}/{p.Anchor}") ?? true))
                .Select((p, i) => new Chunk($"{p.Doc}/{p.Anchor}", p.Doc, p.Section, p.Text, p.Kind, p.Context, i))
                .ToList())).ToList();
        return new Corpus(documents, fingerprint);
    }

    public static Task<IndexBuild> BuildAsync(Corpus? corpus = null, CancellationToken cancellationToken = default) =>
        new CorpusIndexer(new NoIndex(), Analyzer, NullLogger<CorpusIndexer>.Instance).CreateBuildAsync(corpus ?? Corpus(), cancellationToken);

    public static SearchRequest Request(string question, IReadOnlyList<string>? scope = null, int limit = 10) =>
        new(Analyzer.Terms(question).Distinct().Select(t => new WeightedTerm(t, StopWords.Contains(t) ? 0.2f : 1f)).ToList(), scope, limit);

    /// <summary>The embedded index of <paramref name="build"/> in a temporary folder, removed on dispose.</summary>
    public static async Task<TemporaryEmbeddedIndex> EmbeddedAsync(IndexBuild build, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("kehoach57-qdrant-test-");
        var index = new EmbeddedIndex(Options.Create(new IndexOptions { DataPath = folder.FullName }), NullLogger<EmbeddedIndex>.Instance);
        await index.ReplaceAsync(build, cancellationToken);
        return new TemporaryEmbeddedIndex(index, folder);
    }

    public sealed class TemporaryEmbeddedIndex(EmbeddedIndex index, DirectoryInfo folder) : IDisposable
    {
        public EmbeddedIndex Index => index;

        public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
            index.SearchAsync(request, cancellationToken);

        public void Dispose() => folder.Delete(recursive: true);
    }

    private sealed class NoIndex : ISearchIndex
    {
        public string Name => "none";
        public Task<IndexStatus?> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult<IndexStatus?>(null);
        public Task ReplaceAsync(IndexBuild build, CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SearchHit>>([]);
        public Task<IReadOnlyList<Chunk>> GetChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Chunk>>([]);
        public Task<int> DeleteChunksAsync(IReadOnlyList<string> chunkIds, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
