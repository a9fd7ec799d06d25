namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>
/// A tiny corpus of our own in a temp folder (plus a data folder for the index and feedback), so the
/// tests neither depend on corpus/ nor write into the checkout. Facts here are what tests may assert on.
/// </summary>
public sealed class TestCorpus : IDisposable
{
    public const string YenHoa = "yen-hoa";
    public const string TruongGiang = "truong-giang";
    public const string Hostile = "hostile-doc";

    /// <summary>Plainly in yen-hoa: the online-services target.</summary>
    public const string YenHoaFact = "80%";
    public const string YenHoaQuestion = "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình đạt bao nhiêu?";

    /// <summary>Plainly in truong-giang: where the money comes from.</summary>
    public const string TruongGiangFact = "xã hội hóa";
    public const string TruongGiangQuestion = "Kinh phí thực hiện kế hoạch được bố trí từ nguồn nào?";

    public string Root { get; }
    public string CorpusPath => Path.Combine(Root, "corpus");
    public string DataPath => Path.Combine(Root, "data");

    private TestCorpus(string root) => Root = root;

    public static TestCorpus Create()
    {
        var corpus = new TestCorpus(Directory.CreateTempSubdirectory("kh57-server-tests-").FullName);
        Directory.CreateDirectory(corpus.CorpusPath);
        Directory.CreateDirectory(corpus.DataPath);
        corpus.Write(YenHoa, """
            ---
            id: yen-hoa
            title: Kế hoạch phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Yên Hòa 6 tháng cuối năm 2025
            issuer: UBND xã Yên Hòa
            level: xã
            ---

            # I. Mục tiêu

            ## 1. Mục tiêu chung

            Nâng cao năng lực nội sinh, đẩy mạnh ứng dụng khoa học, công nghệ và chuyển đổi số trong quản lý, điều hành của chính quyền xã Yên Hòa.

            ## 2. Mục tiêu cụ thể

            Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình của xã Yên Hòa đạt trên 80% trong năm 2025.

            100% cán bộ, công chức xã được tập huấn kỹ năng số cơ bản và an toàn thông tin mạng.

            # II. Tổ chức thực hiện

            Văn phòng HĐND và UBND xã là đầu mối tổng hợp, báo cáo kết quả thực hiện kế hoạch trước ngày 15/12/2025.
            """);
        corpus.Write(TruongGiang, """
            ---
            id: truong-giang
            title: Kế hoạch hành động thực hiện Nghị quyết 57-NQ/TW xã Trường Giang
            issuer: UBND xã Trường Giang
            level: xã
            ---

            # I. Nhiệm vụ trọng tâm

            Xã Trường Giang thành lập tổ công nghệ số cộng đồng tại 12 thôn, hoàn thành trong quý IV năm 2025.

            # II. Kinh phí thực hiện

            Kinh phí thực hiện kế hoạch được bố trí từ ngân sách xã và nguồn xã hội hóa hợp pháp khác.
            """);
        // Imported text is not trusted: the document page must show this as text, never run it.
        corpus.Write(Hostile, """
            # Đoạn thử an toàn

            Đoạn này có thẻ <script>alert('xss')</script> và <img src=x onerror=alert(1)> trong văn bản gốc.

            Một liên kết độc hại [bấm vào đây](javascript:alert(document.cookie)) không được chạy mã.
            """);
        return corpus;
    }

    private void Write(string id, string markdown) =>
        File.WriteAllText(Path.Combine(CorpusPath, id + ".md"), markdown.Replace("\r\n", "\n") + "\n");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
