using KeHoach57.Core.Text;

namespace KeHoach57.Core.Tests.Text;

public class VietnameseAnalyzerTests
{
    private readonly VietnameseAnalyzer _analyzer = new();

    private List<string> Words(string text) => _analyzer.Tokenize(text).Select(t => t.Term).ToList();

    [Fact]
    public void Gấp_dấu_để_câu_có_dấu_không_dấu_và_OCR_gặp_nhau()
    {
        Assert.Equal(["bao", "cao"], Words("Báo cáo"));
        Assert.Equal(["bao", "cao"], Words("bao cao"));
        Assert.Equal(["bao", "ceo"], Words("bao céo")); // vowel confusions are the query side's fuzzy match
        Assert.Equal(["dong", "doi"], Words("Đồng đội"));
    }

    [Theory]
    [InlineData("d6i", "doi")]
    [InlineData("x3", "xa")]
    [InlineData("x4y", "xay")]
    [InlineData("h9c", "hoc")]
    [InlineData("1ap", "lap")]
    [InlineData("d61", "doi")]
    [InlineData("chirc", "chuc")]
    [InlineData("Nghj", "nghi")]
    [InlineData("Pay", "day")]
    [InlineData("QP", "qd")]
    [InlineData("phong", "phong")]
    [InlineData("5G", "5g")]
    [InlineData("05", "5")]
    [InlineData("dbi", "doi")]
    [InlineData("sd", "so")]
    [InlineData("bd", "bo")]
    [InlineData("UBND", "ubnd")]
    [InlineData("HDND", "hdnd")]
    public void Sửa_các_lỗi_OCR_có_hệ_thống_trong_một_từ(string ocr, string expected) =>
        Assert.Equal([expected], Words(ocr));

    [Fact]
    public void Ngày_viết_kiểu_nào_cũng_về_một_dạng()
    {
        Assert.Contains("@10/6", _analyzer.Terms("trước ngày 10/6"));
        Assert.Contains("@10/6", _analyzer.Terms("truoc ngay 10/06"));
        Assert.Contains("@10/6", _analyzer.Terms("ngày 10 tháng 6"));
        Assert.Contains("@m9/2025", _analyzer.Terms("Tháng 9/2025"));
        Assert.Contains("@m2/2025", _analyzer.Terms("hoàn thành trong tháng 02 năm 2025"));
        Assert.DoesNotContain(_analyzer.Terms("01-02 dự án"), t => t.StartsWith('@'));
    }

    [Fact]
    public void Hai_cách_nói_một_điều_trong_bảng_thuật_ngữ_gặp_nhau_trên_một_khóa()
    {
        var glossary = Glossary.Parse("\tthực tiễn|thực tế\n\tmột mình\n");
        var analyzer = new VietnameseAnalyzer(glossary);
        Assert.Single(glossary.Entries); // a row with one form says nothing another way
        Assert.Contains("#thuctien", analyzer.Terms("đưa vào thực tế"));
        Assert.Contains("#thuctien", analyzer.Terms("ứng dụng vào thực tiễn"));
        Assert.DoesNotContain("#thuctien", analyzer.Terms("thực hiện tiến độ"));
    }

    [Theory]
    [InlineData("CS thu hút HS, SV giỏi", "#hs", "hoc")]
    [InlineData("chính sách thu hút học sinh giỏi", "#hs", "hoc")]
    [InlineData("thu hút sv giỏi", "#sv", "vien")]
    [InlineData("KP thực hiện KH bố trí từ nguồn nào", "#kp", "phi")]
    public void Chữ_viết_tắt_khi_nhắn_tin_được_đọc_như_từ_đầy_đủ(string text, string key, string word)
    {
        var terms = _analyzer.Terms(text);
        Assert.Contains(key, terms);
        Assert.Contains(word, terms);
    }

    [Fact]
    public void Từ_viết_tắt_và_dạng_đầy_đủ_gặp_nhau_trên_một_khóa()
    {
        var abbreviated = _analyzer.Terms("Sở KH&CN");
        var spelled = _analyzer.Terms("Sở Khoa học và Công nghệ");
        Assert.Contains("#khcn", abbreviated);
        Assert.Contains("#khcn", spelled);
        Assert.Contains("cong", abbreviated);
        Assert.Contains("#dti", _analyzer.Terms("phòng nào báo cáo chỉ số DTI?"));
        Assert.Contains("#vhxh", _analyzer.Terms("Phòng Văn hóa - Xã hội"));
    }

    [Fact]
    public void Từ_viết_tắt_hai_chữ_chỉ_nhận_khi_viết_hoa()
    {
        Assert.Contains("#ai", _analyzer.Terms("ứng dụng AI"));
        Assert.DoesNotContain("#ai", _analyzer.Terms("ai chịu trách nhiệm"));
    }

    [Theory]
    [InlineData("NQ57", "NQ 57")]
    [InlineData("nq57", "nq 57")]
    [InlineData("KH44", "KH 44")]
    [InlineData("QĐ123", "QĐ 123")]
    public void Từ_viết_tắt_dính_số_là_hai_từ_như_khi_có_dấu_cách(string glued, string spaced)
    {
        Assert.Equal(Words(spaced), Words(glued));
        Assert.Equal(_analyzer.Tokenize(spaced, repair: false).Select(t => t.Term), _analyzer.Tokenize(glued, repair: false).Select(t => t.Term));
        Assert.Equal(2, Words(glued).Count);
    }

    [Fact]
    public void Nghị_quyết_viết_dính_số_vẫn_gặp_dạng_đầy_đủ()
    {
        Assert.Equal(["nq", "57"], Words("NQ57"));
        Assert.Contains("#nq", _analyzer.Terms("triển khai NQ57"));
    }

    [Theory]
    [InlineData("5G", "5g")]
    [InlineData("VNeID", "vneid")]
    [InlineData("ho1", "hoi")] // an OCR-damaged syllable, not an abbreviation: repaired as before
    public void Từ_khác_có_chữ_và_số_vẫn_là_một_từ(string written, string expected) =>
        Assert.Equal([expected], Words(written));

    [Fact]
    public void Từ_ghép_hai_âm_tiết_thành_bigram_nhưng_không_vượt_dấu_câu()
    {
        var terms = _analyzer.Terms("Báo cáo 6 tháng. Kế hoạch");
        Assert.Contains("bao_cao", terms);
        Assert.Contains("6_thang", terms);
        Assert.DoesNotContain("thang_ke", terms);
    }

    [Fact]
    public void Vị_trí_token_trỏ_đúng_vào_văn_bản_gốc()
    {
        const string text = "Phòng Văn hóa - Xã hội";
        var tokens = _analyzer.Tokenize(text);
        Assert.Equal("Văn", text.Substring(tokens[1].Start, tokens[1].Length));
    }

    [Theory]
    [InlineData("chuyen", "doi", true)]
    [InlineData("doi", "chuyen", false)]
    [InlineData("chuyen_doi", "", false)]
    [InlineData("so", "hoa", false)]
    public void Tra_cặp_từ_không_dựng_chuỗi_cho_cùng_kết_quả_như_tra_chuỗi_cặp(string a, string b, bool expected)
    {
        var bigrams = new[] { VietnameseAnalyzer.Bigram("chuyen", "doi"), VietnameseAnalyzer.Bigram("ky", "nang") }.ToHashSet();
        Assert.Equal(expected, VietnameseAnalyzer.HasBigram(bigrams, a, b));
        Assert.Equal(bigrams.Contains(VietnameseAnalyzer.Bigram(a, b)), VietnameseAnalyzer.HasBigram(bigrams, a, b));
        Assert.False(VietnameseAnalyzer.HasBigram([], "chuyen", "doi"));
    }

    [Theory]
    [InlineData("Bao Cao KH-UBND 2025", "bao cao kh-ubnd 2025")]
    [InlineData("Báo cáo Đề án", "bao cao de an")]
    [InlineData("Phòng Văn hóa – Xã hội", "phong van hoa – xa hoi")]
    public void Gấp_chữ_thành_chữ_thường_không_dấu_dù_văn_bản_có_dấu_hay_chỉ_có_chữ_ASCII(string text, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(text));

    [Fact]
    public void Ký_tự_ngoài_bảng_gấp_như_nhau_mỗi_lần_và_giữ_nguyên_vị_trí()
    {
        const string text = "“Học tập số” – Đề án…";
        var first = VietnameseAnalyzer.FoldAligned(text);
        Assert.Equal("“hoc tap so” – de an…", first);
        Assert.Equal(first, VietnameseAnalyzer.FoldAligned(text));
        Assert.Equal(text.Length, first.Length);
    }

    [Fact]
    public void Gấp_từng_ký_tự_luôn_ra_chữ_thường_nên_từ_viết_tắt_đọc_thẳng_từ_bản_gấp()
    {
        // U+FFFE is no character Unicode normalization accepts; every other one of the plane folds, and to lower case.
        var every = new string(Enumerable.Range(0, 0x10000).Where(c => c != 0xFFFE).Select(c => (char)c).ToArray());
        var folded = VietnameseAnalyzer.FoldAligned(every);
        Assert.Equal(folded.ToLowerInvariant(), folded);
        Assert.Contains("#khcn", _analyzer.GlossaryTerms("Ứng dụng KH&CN", _analyzer.Tokenize("Ứng dụng KH&CN")));
    }
}
