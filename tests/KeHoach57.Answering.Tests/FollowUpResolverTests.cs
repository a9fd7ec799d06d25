using KeHoach57.Answering.Understanding;

namespace KeHoach57.Answering.Tests;

public class FollowUpResolverTests
{
    [Theory]
    [InlineData("Còn báo cáo năm thì sao?")]
    [InlineData("con nam 2030?")]
    [InlineData("thế còn xã Trường Giang")]
    public void Nhận_ra_câu_hỏi_nối_tiếp(string question) => Assert.True(FollowUpResolver.IsFollowUp(question));

    [Fact]
    public void Câu_hỏi_đầy_đủ_không_phải_câu_nối_tiếp() =>
        Assert.False(FollowUpResolver.IsFollowUp("Phòng nào chủ trì theo dõi việc triển khai kế hoạch?"));

    [Fact]
    public void Đổi_kỳ_báo_cáo_giữ_nguyên_phần_còn_lại_của_câu_trước() =>
        Assert.Equal("Báo cáo năm phải gửi trước ngày nào?",
            FollowUpResolver.Resolve("Còn báo cáo năm thì sao?", "Báo cáo 6 tháng phải gửi trước ngày nào?"));

    [Fact]
    public void Đổi_năm_của_chỉ_tiêu() =>
        Assert.Equal("Đến năm 2030 phủ sóng 5G đạt bao nhiêu?",
            FollowUpResolver.Resolve("Còn năm 2030?", "Đến năm 2025 phủ sóng 5G đạt bao nhiêu?"));
}
