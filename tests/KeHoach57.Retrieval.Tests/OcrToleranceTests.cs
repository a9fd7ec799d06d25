using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;

namespace KeHoach57.Retrieval.Tests;

public class OcrToleranceTests
{
    [Theory]
    [InlineData("nam", "nim")]      // năm, vowel misread
    [InlineData("nam", "ndm")]      // năm, "d" for a lost vowel
    [InlineData("hien", "hin")]     // hiện, vowel dropped by the broken font
    [InlineData("truoc", "trudc")]  // trước
    public void Từ_bị_OCR_đọc_sai_vẫn_ở_gần(string clean, string ocr) =>
        Assert.True(OcrDistance.Between(clean, ocr) <= OcrDistance.Threshold(clean.Length));

    [Theory]
    [InlineData("cao", "cho")]
    [InlineData("bao", "sao")]
    public void Khác_phụ_âm_là_từ_khác(string a, string b) =>
        Assert.True(OcrDistance.Between(a, b) > OcrDistance.Threshold(a.Length));

    [Fact]
    public void Câu_hỏi_có_dấu_tìm_được_cả_cách_viết_OCR_trong_corpus()
    {
        var analyzer = new VietnameseAnalyzer();
        var corpus = new Corpus([new CorpusDocument(new DocumentInfo("yen-hoa", "x"), "",
            [new Chunk("yen-hoa/p0", "yen-hoa", "", "bao cdo nim trudc ngay 30/11")])], "f");
        var variants = new Vocabulary(corpus, analyzer).Variants("nam").Select(v => v.Word);
        Assert.Contains("nim", variants);
    }
}
