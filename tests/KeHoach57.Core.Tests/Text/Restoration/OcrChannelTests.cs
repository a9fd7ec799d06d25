using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Core.Tests.Text.Restoration;

public class OcrChannelTests
{
    private static readonly OcrChannel Channel = OcrChannel.Default;

    [Theory]
    [InlineData("d6i", "đổi")]
    [InlineData("chirc", "chức")]
    [InlineData("m&i", "mới")]
    [InlineData("quyt", "quyết")]
    [InlineData("nghj", "nghị")]
    [InlineData("dugc", "được")]
    public void Lỗi_OCR_có_hệ_thống_rẻ_hơn_một_phụ_âm_sai(string ocr, string syllable) =>
        Assert.True(Channel.Cost(ocr, syllable) < Channel.Cost("cao", "cho"), $"{ocr} → {syllable}: {Channel.Cost(ocr, syllable)}");

    [Fact]
    public void Mất_dấu_rẻ_hơn_đổi_chữ()
    {
        Assert.Equal(0, Channel.Cost("các", "các"));
        Assert.True(Channel.Cost("cac", "các") < Channel.Cost("cac", "cốc"));
        Assert.True(Channel.Cost("chuyên", "chuyển") < Channel.Cost("chuyên", "chuyến") + 0.2);
    }

    [Fact]
    public void Bảng_nhầm_lẫn_sai_định_dạng_báo_lỗi_rõ_ràng()
    {
        var error = Assert.Throws<FormatException>(() => OcrChannel.Parse("6\tô\tcheap\tany\n"));
        Assert.Contains("ocr-confusions.tsv", error.Message);
    }
}
