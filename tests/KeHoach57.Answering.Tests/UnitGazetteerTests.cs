using KeHoach57.Answering.Extraction;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Tests;

public class UnitGazetteerTests
{
    private readonly UnitGazetteer _units = new(new VietnameseAnalyzer());

    [Theory]
    [InlineData("1. Phong Vin héa - X3 hoi :", "Phòng Văn hóa - Xã hội")]
    [InlineData("gai S Khoa hoc va Cong nghé tong hop", "Sở Khoa học và Công nghệ")]
    [InlineData("S& Khoa h9c và Cong ngh xây dirng chin luçic", "Sở Khoa học và Công nghệ")]
    [InlineData("Chanh Vin phong HDND va UBND x&", "Văn phòng HĐND và UBND")]
    [InlineData("Sở KH&CN chủ trì", "Sở Khoa học và Công nghệ")]
    [InlineData("Ngén ha,ng Nha nudc", "Ngân hàng Nhà nước")]
    public void Nhận_ra_tên_cơ_quan_viết_sai_do_OCR(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(_units.Find(text)).Canonical);

    [Fact]
    public void Tên_dài_hơn_được_ưu_tiên_và_câu_trả_lời_in_tên_chuẩn()
    {
        Assert.Equal("Công an tỉnh", Assert.Single(_units.Find("phối hợp Công an tỉnh")).Canonical);
        Assert.Equal("giao Phòng Kinh tế chủ trì", _units.Canonicalize("giao Phong Kinh té chủ trì"));
    }

    [Fact]
    public void Chữ_thường_không_phải_tên_cơ_quan_thì_không_nhận()
    {
        Assert.Empty(_units.Find("nâng cao chất lượng sống người dân"));
    }
}
