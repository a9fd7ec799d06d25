using KeHoach57.Core.Text;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Tests.Scoring;

public class ScoreTextTests
{
    [Theory]
    [InlineData("Báo cáo", "bao cao")]
    [InlineData("ĐẢNG ỦY", "dang uy")]
    [InlineData("Văn hóa-Xã hội", "van hoa - xa hoi")]
    [InlineData("Văn hoá – Xã hội", "van hoa - xa hoi")]     // en dash, spaces around it merge
    [InlineData("a\u2010b\u2015c", "a - b - c")]
    [InlineData("-đầu", "- dau")]                             // leading space stripped, as Python's strip()
    [InlineData("cuối-", "cuoi -")]
    [InlineData("  ngày\u00a0\t\n 20  ", "ngay 20")]
    [InlineData("ngày\u001f20", "ngay 20")]                   // U+001F is whitespace to Python, not to char.IsWhiteSpace
    [InlineData("Hưng Yên", "hung yen")]                      // horn and circumflex are combining marks after NFD
    [InlineData("Kinh t¢", "kinh t¢")]                        // score.py does not repair OCR glyphs
    public void Gấp_chữ_đúng_như_fold_của_score_py(string text, string folded) =>
        Assert.Equal(folded, ScoreText.Fold(text));

    [Fact]
    public void Khác_VietnameseText_ở_chỗ_không_sửa_ký_tự_OCR()
    {
        // The reason the scorer has its own fold: the analyzer's comparison fold reads ¢ as e.
        Assert.NotEqual(VietnameseText.FoldForComparison("t¢"), ScoreText.Fold("t¢"));
    }

    [Fact]
    public void Từ_là_các_dãy_chữ_số_không_dấu_sau_khi_gấp() =>
        Assert.Equal(["so", "59", "kh", "ubnd", "ngay", "31", "10", "2023"], ScoreText.Tokens("Số 59/KH-UBND ngày 31/10/2023"));

    [Fact]
    public void Bằng_chứng_trúng_khi_đủ_60_phần_trăm_số_từ_kể_cả_từ_lặp()
    {
        Assert.True(ScoreText.EvidenceHit("mot hai ba bon nam", "mot hai ba"));          // 3/5 = 60%
        Assert.False(ScoreText.EvidenceHit("mot hai ba bon nam sau bay", "mot hai ba bon")); // 4/7
        Assert.True(ScoreText.EvidenceHit("mot mot mot hai ba", "mot"));                  // repeats count
        Assert.False(ScoreText.EvidenceHit("", "bat cu gi"));
    }

    [Fact]
    public void Chỉ_600_ký_tự_đầu_của_câu_trả_lời_được_chấm_tính_theo_code_point()
    {
        var groups = new[] { new[] { "SOC" } };
        Assert.True(ScoreText.AnswerMatches(groups, new string('x', 596) + " SOC"));
        Assert.False(ScoreText.AnswerMatches(groups, new string('x', 598) + " SOC"));
        var emoji = string.Concat(Enumerable.Repeat("\U0001F600", 300)) + " SOC"; // 304 code points, 604 UTF-16 units
        Assert.True(ScoreText.AnswerMatches(groups, emoji));
        Assert.Equal(304, ScoreText.CodePointLength(emoji));
    }

    [Fact]
    public void Mỗi_nhóm_cần_một_phương_án_có_trong_câu_trả_lời()
    {
        IReadOnlyList<string>[] groups = [["ngày 10", "mùng 10"], ["ngày 20"]];
        Assert.True(ScoreText.AnswerMatches(groups, "Trường Giang trước mùng 10, Yên Hòa trước ngày 20"));
        Assert.False(ScoreText.AnswerMatches(groups, "Trường Giang trước ngày 10"));
    }
}
