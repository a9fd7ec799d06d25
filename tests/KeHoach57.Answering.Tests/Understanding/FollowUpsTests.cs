using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Tests.Understanding;

/// <summary>A follow-up leans on the question before it only when that one was answered and on the same subject.</summary>
public class FollowUpsTests(AnsweringFixture fixture)
{
    private string Resolve(string question, PreviousTurn? previous) =>
        fixture.Get<FollowUps>().Resolve(question, fixture.Read(question), previous);

    private PreviousTurn Answered(string question) => new(question, true, "yen-hoa", fixture.Read(question).Subject);

    [Fact]
    public void Còn_kỳ_báo_cáo_khác_thì_thay_kỳ_giữ_câu_hỏi() =>
        Assert.Equal("Báo cáo năm phải gửi trước ngày nào?", Resolve("Còn báo cáo năm thì sao?", Answered("Báo cáo 6 tháng phải gửi trước ngày nào?")));

    [Fact]
    public void Còn_năm_khác_thì_thay_năm() =>
        Assert.Equal("Chỉ tiêu phủ sóng 5G năm 2030 là bao nhiêu?", Resolve("còn năm 2030?", Answered("Chỉ tiêu phủ sóng 5G năm 2025 là bao nhiêu?")));

    [Fact]
    public void Câu_trước_bị_từ_chối_thì_câu_sau_đứng_riêng()
    {
        var refused = new PreviousTurn("Giá vàng hôm nay?", Answered: false);
        Assert.Equal("Còn báo cáo năm thì sao?", Resolve("Còn báo cáo năm thì sao?", refused));
    }

    [Theory]
    [InlineData("Còn đến 2030?")]
    [InlineData("Thế năm 2045 thì sao?")]
    public void Câu_trước_bị_từ_chối_mà_câu_sau_chỉ_đổi_năm_thì_vẫn_hỏi_tiếp_câu_trước(string followUp)
    {
        // Alone, "Còn đến 2030?" is about nothing, and a heading "2.2. Đến hết năm 2030" answered it.
        var refused = new PreviousTurn("Đến hết năm 2025 tỉnh có bao nhiêu doanh nghiệp khởi nghiệp sáng tạo?", Answered: false);
        Assert.Contains("doanh nghiệp khởi nghiệp sáng tạo", Resolve(followUp, refused));
    }

    [Fact]
    public void Câu_hỏi_mới_đủ_ý_về_chủ_đề_khác_thì_đứng_riêng() =>
        Assert.Equal("Phòng nào theo dõi chỉ số DTI?", Resolve("Phòng nào theo dõi chỉ số DTI?", Answered("Báo cáo 6 tháng phải gửi trước ngày nào?")));

    [Fact]
    public void Câu_sau_hỏi_điều_khác_về_cùng_văn_bản_thì_thay_điều_được_hỏi()
    {
        // "Ban hành ngày nào?" asks of the plan just named; its "ban hành" is how the date is asked, not a new subject.
        var resolved = Resolve("Ban hành ngày nào?", Answered("Kế hoạch của tỉnh Hưng Yên số mấy?"));
        Assert.Contains("Hưng Yên", resolved);
        Assert.DoesNotContain("số mấy", resolved);
        Assert.Equal([AskKind.Date], fixture.Read(resolved).Asks.Select(a => a.Kind));
    }

    [Fact]
    public void Câu_trước_đã_trả_lời_số_văn_bản_thì_câu_sau_hỏi_về_chính_văn_bản_đó()
    {
        var previous = new PreviousTurn("Kế hoạch về đội ngũ trí thức là kế hoạch số mấy?", true, "bac-giang", fixture.Read("Kế hoạch về đội ngũ trí thức là kế hoạch số mấy?").Subject, Named: "34/KH-UBND");
        var resolved = Resolve("Ban hành ngày nào?", previous);
        Assert.Contains("34/KH-UBND", resolved);
        Assert.DoesNotContain("số mấy", resolved);
    }

    [Fact]
    public void Hỏi_nơi_khác_thì_bỏ_nơi_cũ()
    {
        var resolved = Resolve("còn xã Trường Giang thì sao?", Answered("Hạn báo cáo hằng tháng của xã Yên Hòa là ngày nào?"));
        Assert.Contains("Trường Giang", resolved);
        Assert.DoesNotContain("Yên Hòa", resolved);
    }
}
