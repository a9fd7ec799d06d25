using KeHoach57.Core.Text;

namespace KeHoach57.Core.Tests.Text;

/// <summary>Numbers said in words ask what digits ask: they are read once, before a question is understood.</summary>
public class NumberWordsTests
{
    [Theory]
    [InlineData("hạn nộp báo cáo sáu tháng là hôm nào vậy ạ", "hạn nộp báo cáo 6 tháng là hôm nào vậy ạ")]
    [InlineData("han nop bao cao sau thang la hom nao vay a", "han nop bao cao 6 thang la hom nao vay a")]
    [InlineData("chỉ tiêu mười lăm phần trăm GRDP", "chỉ tiêu 15% GRDP")]
    [InlineData("tỷ lệ đạt hai mươi lăm phần trăm", "tỷ lệ đạt 25%")]
    [InlineData("báo cáo quý ba", "báo cáo quý 3")]
    [InlineData("có hai sáng kiến", "có 2 sáng kiến")]
    [InlineData("chu kỳ hai năm rưỡi", "chu kỳ 2,5 năm")]
    [InlineData("một trăm linh năm người", "105 người")]
    [InlineData("ba nghìn doanh nghiệp", "3000 doanh nghiệp")]
    [InlineData("đạt 15 phần trăm", "đạt 15%")]
    [InlineData("báo cáo nửa năm gửi khi nào", "báo cáo 6 tháng gửi khi nào")]
    [InlineData("năm hai không ba mươi đạt bao nhiêu", "năm 2030 đạt bao nhiêu")]
    [InlineData("nam hai khong ba muoi dat bao nhieu", "nam 2030 dat bao nhieu")]
    [InlineData("đến năm bốn lăm thì sao", "đến năm 2045 thì sao")]
    [InlineData("hai nghìn không trăm bốn mươi lăm", "2045")]
    [InlineData("hai không hai năm", "2025")]
    [InlineData("ba lăm phần trăm", "35%")]
    [InlineData("một nửa số xã", "50% số xã")]
    public void Số_viết_bằng_chữ_được_đọc_thành_chữ_số(string typed, string read) =>
        Assert.Equal(read, NumberWords.Normalize(typed));

    [Theory]
    // "sau" typed with diacritics elsewhere is "after", never six.
    [InlineData("báo cáo gửi sau tháng 9")]
    [InlineData("nộp trước, sau đó tổng hợp")]
    // "năm" alone is the year; "mười năm" is ten years, not fifteen.
    [InlineData("năm 2030 đạt bao nhiêu")]
    [InlineData("báo cáo năm gửi khi nào")]
    // "làm" is not "lăm", "một số" is "some", "hai ba" is no number.
    [InlineData("phòng nào làm đầu mối")]
    [InlineData("một số nhiệm vụ trọng tâm")]
    [InlineData("ba nội dung lớn")]
    public void Chữ_không_phải_số_thì_giữ_nguyên(string typed) =>
        Assert.Equal(typed, NumberWords.Normalize(typed));

    [Fact]
    public void Mười_năm_là_mười_năm_không_phải_mười_lăm() =>
        Assert.Equal("giai đoạn 10 năm", NumberWords.Normalize("giai đoạn mười năm"));
}
