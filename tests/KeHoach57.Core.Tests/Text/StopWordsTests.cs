using KeHoach57.Core.Text;

namespace KeHoach57.Core.Tests.Text;

/// <summary>Stop words are read where they stand: folding merges "báo" with "bao", "lực" with "lúc".</summary>
public class StopWordsTests
{
    private static List<string> Content(string folded) => StopWords.Content(folded.Split(' '));

    [Fact]
    public void Báo_cáo_giữ_nguyên_hai_âm_tiết_còn_bao_nhiêu_vẫn_là_từ_hỏi()
    {
        Assert.Equal(["bao", "cao", "dinh", "ky"], Content("bao cao dinh ky"));
        Assert.Equal(["kinh", "phi"], Content("kinh phi bao nhieu"));
    }

    [Theory]
    [InlineData("nang luc so", "luc")]
    [InlineData("ho tro doanh nghiep", "ho")]
    [InlineData("de xuat sua doi", "de")]
    [InlineData("thanh pho thong minh", "minh")]
    [InlineData("co quan chu tri", "co")]
    public void Âm_tiết_dừng_nằm_trong_từ_ghép_là_một_phần_chủ_đề(string folded, string kept) =>
        Assert.Contains(kept, Content(folded));

    [Theory]
    [InlineData("luc nao xong", "luc")]
    [InlineData("ho phai lam gi", "ho")]
    [InlineData("co the lam", "co")]
    public void Âm_tiết_dừng_đứng_riêng_vẫn_bị_bỏ(string folded, string dropped) =>
        Assert.DoesNotContain(dropped, Content(folded));

    [Theory]
    [InlineData("làm")]
    [InlineData("muốn")]
    [InlineData("hỏi")]
    [InlineData("nha")]
    [InlineData("Làm")]
    public void Từ_trò_chuyện_gõ_đúng_dấu_là_từ_dừng(string surface) =>
        Assert.True(StopWords.TypedAsStop(surface));

    [Theory]
    [InlineData("lâm")]
    [InlineData("muộn")]
    [InlineData("hội")]
    [InlineData("nhà")]
    public void Từ_cùng_chữ_khác_dấu_vẫn_là_chủ_đề(string surface)
    {
        Assert.False(StopWords.TypedAsStop(surface));
        Assert.False(StopWords.Contains(VietnameseText.Fold(surface)));
    }
}
