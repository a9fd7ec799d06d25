using KeHoach57.Core.Text;

namespace KeHoach57.Core.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Tháng 12 năm 2025, Sở KH&CN", "thang 12 nam 2025, so kh&cn")]
    // Marks typed after their letter (decomposed), alone, or stacked: the same fold as the precomposed letters.
    [InlineData("Tha\u0301ng 12 na\u0306m 2025, So\u031B\u0309 KH&CN", "thang 12 nam 2025, so kh&cn")]
    [InlineData("Nghi\u0323 quye\u0302\u0301t \u0301 57", "nghi quyet  57")]
    [InlineData("Đồng đội “Học tập số” – 100%", "dong doi “hoc tap so” – 100%")]
    [InlineData("Cüa B ChInh trj ¢ø©", "cua b chinh trj eoc")]
    // A character outside the Basic Multilingual Plane is kept whole.
    [InlineData("Báo cáo 😀 xong", "bao cao 😀 xong")]
    public void Gấp_dấu_dù_chữ_viết_dựng_sẵn_hay_dấu_rời_ra_cùng_một_kết_quả(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
        Assert.Equal(folded, VietnameseText.Fold(text));
    }

    [Fact]
    public void Ký_tự_không_phải_chữ_bị_bỏ_thay_vì_làm_hỏng_cả_câu()
    {
        // Built in code: a lone surrogate in attribute data would reach the test already replaced.
        Assert.Equal("hạn báo cáo", VietnameseText.Normalize("hạn\uFFFE báo cáo"));
        Assert.Equal("hạn báo cáo", VietnameseText.Normalize("hạn" + (char)0xD800 + " báo cáo"));
        Assert.Equal("hạn báo cáo", VietnameseText.Normalize("hạn" + (char)0xDC00 + " báo\uFDD0 cáo\uFFFF"));
    }

    [Theory]
    [InlineData("hòa", "hoà", true)]
    [InlineData("HÒA", "hoà", true)]
    [InlineData("giá", "gia", false)]
    [InlineData("quốc", "quóc", false)]
    public void Khóa_dấu_không_phụ_thuộc_vị_trí_dấu_thanh(string a, string b, bool same)
    {
        // Asked twice: the second answer is the kept one.
        foreach (var _ in new[] { 1, 2 })
            Assert.Equal(same, VietnameseText.MarkKey(a) == VietnameseText.MarkKey(b));
    }

    [Theory]
    [InlineData("Đồng", "dong|đ\u0300\u0302")]
    [InlineData("SACH", "sach|")]
    [InlineData("", "|")]
    public void Khóa_dấu_là_chữ_cái_rồi_các_dấu_theo_thứ_tự(string word, string key)
    {
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(key), VietnameseText.MarkKey(word));
        Assert.Equal(System.Text.RegularExpressions.Regex.Unescape(key), VietnameseText.MarkKey(word));
    }

    [Fact]
    public void Biểu_tượng_cảm_xúc_nguyên_vẹn_được_giữ() =>
        Assert.Equal("hạn 👍", VietnameseText.Normalize("hạn 👍"));
}
