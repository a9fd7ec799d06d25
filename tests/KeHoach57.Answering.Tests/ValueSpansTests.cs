using KeHoach57.Answering.Values;

namespace KeHoach57.Answering.Tests;

public class ValueSpansTests
{
    private static List<string> Dates(string text) => ValueSpans.Dates(text).Select(d => d.Display).ToList();

    [Theory]
    [InlineData("bao cdo 6 thang trudc ngay 10/6, bao cao nim", "trước ngày 10/6")]
    [InlineData("báo cáo trước ngày 15 tháng 6", "trước ngày 15/6")]
    [InlineData("hoàn thành trong tháng 02 năm 2025", "tháng 2/2025")]
    [InlineData("hoan thanh trong quy 11/2025", "quý II/2025")]
    [InlineData("hoan thanh trong nim 2025", "trong năm 2025")]
    [InlineData("Quyét dinh nay co hiéu luc thi hanh ké tir ngay ky.", "ngày ký")]
    [InlineData("truéc ngay 20 hang thang", "trước ngày 20 hằng tháng")]
    [InlineData("Djnh k' 3 tháng, 6 tháng, 1 nàm hoc dt xut", "3 tháng, 6 tháng, 1 năm")]
    public void Đọc_ngày_và_hạn_trong_văn_bản_OCR(string text, string expected) =>
        Assert.Contains(Dates(text), d => d.EndsWith(expected, StringComparison.Ordinal));

    [Fact]
    public void Số_có_phần_trăm_và_so_sánh_được_giữ_nguyên_nghĩa()
    {
        var figures = ValueSpans.Figures("Phan dau dat > 50% phu song 5G; ít nhất 15% ngân sách; chỉ số 0,92").Select(f => f.Display).ToList();
        Assert.Contains("trên 50%", figures);
        Assert.Contains("ít nhất 15%", figures);
        Assert.Contains("0,92", figures);
        Assert.DoesNotContain(figures, f => f.StartsWith('5') && !f.Contains('%')); // "5G" is a name, not a figure
    }

    [Theory]
    [InlineData("Co 13 nguäi thirc hin cOng tác nghiên cüu khoa hoc trên 01 van dan.", "13")]
    [InlineData("Có từ 15 người thực hiện công tác nghiên cứu khoa học trên 1 vạn dân.", "15")]
    public void Trên_một_đơn_vị_sau_con_số_là_mẫu_số_của_tỷ_lệ_không_phải_con_số(string text, string expected)
    {
        var figure = Assert.Single(ValueSpans.Figures(text));
        Assert.Equal(expected, figure.Display);
        // The figure before it is a rate, counted per that base.
        Assert.True(figure.PerBase);
    }

    [Fact]
    public void Con_số_không_có_mẫu_số_không_phải_tỷ_lệ() =>
        Assert.All(ValueSpans.Figures("Có 1800 cán bộ nghiên cứu khoa học và công nghệ toàn tỉnh; tốc độ trên 01 Gbps."), f => Assert.False(f.PerBase));

    [Theory]
    [InlineData("Bao nhiêu người nghiên cứu trên 1 vạn dân?", true)]
    [InlineData("Mỗi nghìn người có mấy bác sĩ?", true)]
    [InlineData("Số cán bộ nghiên cứu toàn tỉnh là bao nhiêu người?", false)]
    public void Câu_hỏi_nêu_mẫu_số_của_tỷ_lệ(string question, bool names) =>
        Assert.Equal(names, ValueSpans.NamesRateBase(Core.Text.VietnameseText.Fold(question).Split(' ', '?')));

    [Theory]
    [InlineData("Phấn đấu trên 1 triệu người dùng ứng dụng.", "trên 1")]
    [InlineData("100% người sử dụng có khả năng truy cập băng rộng cố định tốc độ trên 01 Gbps.", "trên 01")]
    public void Trên_một_đơn_vị_khác_vẫn_là_con_số(string text, string expected) =>
        Assert.Contains(expected, ValueSpans.Figures(text).Select(f => f.Display));

    [Theory]
    [InlineData("Phin d4u dat chi s d6i méi sang tao cip dia phuong (PII) duoi 5.", "dưới 5")]
    [InlineData("chỉ số PII dưới 5", "dưới 5")]
    [InlineData("giảm thời gian xử lý tối đa 3 ngày", "tối đa 3")]
    [InlineData("tối thiểu 2 chuyên gia", "tối thiểu 2")]
    public void Chỉ_tiêu_chặn_trên_hay_chặn_dưới_giữ_chữ_so_sánh(string text, string expected) =>
        Assert.Contains(expected, ValueSpans.Figures(text).Select(f => f.Display));

    [Theory]
    [InlineData("S6: 536/QP-UBND Truong Giang", "536/QĐ-UBND")]
    [InlineData("Ké hoach hanh déng s6 03-KHIPU ngay 17/7/2025", "03-KH/ĐU")]
    [InlineData("văn bản số 1552/BTTTT-TTH và 708/BTTTT-CATTT", "1552/BTTTT-TTH")]
    [InlineData("được phê duyệt tại Quyết định số 89/QĐ-TTg ngày 18/01/2019 của Thủ tướng Chính phủ", "89/QĐ-TTg")]
    public void Đọc_số_hiệu_văn_bản_và_sửa_lỗi_OCR_của_chữ_Đ(string text, string expected) =>
        Assert.Contains(ValueSpans.DocumentNumbers(text), d => d.Display == expected);

    [Theory]
    [InlineData("Nghj quyêt so 1 93/2025/QH1 5 cüa Quôc hi ye thI diem", "193/2025/QH15")]
    [InlineData("Nghị quyết số 193/2025/QH15 của Quốc hội", "193/2025/QH15")]
    public void Số_hiệu_bị_OCR_tách_bởi_khoảng_trắng_sau_chữ_số_được_đọc_liền(string text, string expected) =>
        Assert.Contains(ValueSpans.DocumentNumbers(text), d => d.Display == expected);

    [Fact]
    public void Khoảng_trắng_trước_số_hiệu_không_có_chữ_số_đứng_trước_thì_không_nối_số_khác()
    {
        // "khoản 1" is no part of the number: only "số" opens one the OCR may have split.
        var numbers = ValueSpans.DocumentNumbers("theo khoản 1 57-NQ/TW ngày 22/12/2024").Select(d => d.Display).ToList();
        Assert.Contains("57-NQ/TW", numbers);
        Assert.DoesNotContain("157-NQ/TW", numbers);
    }

    [Theory]
    [InlineData("Ban hanh quy ché, co ché giam sat, kiém tra dinh ky (thang, quy, 6 thang, ndm) va bao cdo két qua.", "định kỳ tháng, quý, 6 tháng, năm")]
    [InlineData("kiểm tra định kỳ (hằng quý và 6 tháng)", null)]
    [InlineData("kiểm tra định kỳ (quý, 6 tháng)", "định kỳ quý, 6 tháng")]
    public void Định_kỳ_kèm_danh_sách_kỳ_trong_ngoặc_là_một_giá_trị(string text, string? expected)
    {
        var periods = ValueSpans.Dates(text).Where(d => d.Kind == ValueKind.Period).Select(d => d.Display).ToList();
        if (expected is null) Assert.DoesNotContain(periods, p => p.StartsWith("định kỳ", StringComparison.Ordinal) && p.Contains("quý"));
        else Assert.Contains(expected, periods);
    }
}
