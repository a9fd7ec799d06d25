using KeHoach57.Core.Documents;

namespace KeHoach57.Retrieval.Qdrant.Tests.Support;

/// <summary>
/// A three-chunk build with given terms, not analyzed, so that its sparse ids and BM25 weights stay
/// the same whatever the analyzer learns later.
/// </summary>
public static class ContractCorpus
{
    public static readonly DocumentInfo YenHoa = new("yen-hoa", "Kế hoạch chuyển đổi số phường Yên Hòa", Locality: "Yên Hòa", Level: "xã");
    public static readonly DocumentInfo HaNoi = new("ha-noi", "Kế hoạch thực hiện Nghị quyết 57-NQ/TW của thành phố Hà Nội", Locality: "Hà Nội", Level: "tỉnh");

    public static readonly Chunk Goal = new("yen-hoa/muc-1", "yen-hoa", "I. Mục tiêu", "Hoàn thành chuyển đổi số năm 2025.", Ordinal: 0);
    public static readonly Chunk Report = new("yen-hoa/muc-2", "yen-hoa", "II. Nhiệm vụ › 1. Báo cáo", "Báo cáo 6 tháng trước ngày 15/6.", Ordinal: 1);
    public static readonly Chunk TableRow = new("ha-noi/bang-1-dong-2", "ha-noi", "Phụ lục › Bảng 1", "Chuyển đổi số | 2026",
        ChunkKind.TableRow, "Bảng 1: Nhiệm vụ trọng tâm\nNhiệm vụ | Thời hạn", 0);

    public static readonly string[] GoalTerms = ["hoàn_thành", "chuyển_đổi_số", "năm", "2025"];
    public static readonly string[] ReportTerms = ["báo_cáo", "6", "tháng", "ngày", "15/6", "báo_cáo"];
    public static readonly string[] TableRowTerms = ["chuyển_đổi_số", "2026"];

    /// <param name="dense">Adds the fixtures' 3-dimension embeddings.</param>
    public static IndexBuild Build(bool dense = false) => new(
        "corpus-fp-1",
        [YenHoa, HaNoi],
        [
            new IndexedChunk(Goal, GoalTerms, Embedding(dense, 0.6f, 0.8f, 0f)),
            new IndexedChunk(Report, ReportTerms, Embedding(dense, 0f, 0.6f, 0.8f)),
            new IndexedChunk(TableRow, TableRowTerms, Embedding(dense, 0.8f, 0f, 0.6f)),
        ]);

    private static ReadOnlyMemory<float>? Embedding(bool present, params float[] values) => present ? values : null;
}
