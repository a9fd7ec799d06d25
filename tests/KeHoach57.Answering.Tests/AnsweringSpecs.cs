using System.Text.RegularExpressions;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Tests;

/// <summary>End to end on the repository's corpus: what an official sees.</summary>
public class AnsweringSpecs(AnsweringFixture fixture)
{
    [Fact]
    public async Task Một_dòng_ngắn_dẫn_đầu_bằng_giá_trị_rồi_tối_đa_ba_nguồn_có_nhãn_ngắn()
    {
        var answer = await fixture.Ask("Hạn báo cáo 6 tháng của xã Yên Hòa là ngày nào?");
        Assert.True(answer.Answered);
        Assert.Equal(AskKind.Deadline, answer.Kind);
        Assert.StartsWith("Trước ngày 10/6", answer.Line);
        Assert.True(answer.Line.Length <= 200);
        Assert.InRange(answer.Citations.Count, 1, 3);
        Assert.Equal("yen-hoa", answer.Citations[0].Doc);
        Assert.StartsWith("KH xã Yên Hòa ›", answer.Citations[0].Label);
        Assert.Contains("10/6", answer.Citations[0].Quote);
    }

    [Fact]
    public async Task Hỏi_hai_nơi_thì_mỗi_nơi_một_phần_có_nguồn_riêng_phần_không_tìm_thấy_nói_rõ_là_không_tìm_thấy()
    {
        var answer = await fixture.Ask("Xã Yên Hòa và tỉnh Hưng Yên quy định hạn gửi báo cáo 6 tháng khác nhau thế nào, mỗi nơi trước ngày nào?");
        var parts = answer.Line.TrimEnd('.').Split("; ");
        Assert.Equal(2, parts.Length);
        Assert.StartsWith("Xã Yên Hòa:", parts[0]);
        Assert.Contains("10/6", parts[0]);
        Assert.Contains(answer.Citations, c => c.Doc == "yen-hoa" && c.Quote.Contains("10/6"));
        // Whatever the second plan gives, it is its own value with its own source, or an honest "not found".
        Assert.StartsWith("Tỉnh Hưng Yên:", parts[1]);
        Assert.True(parts[1].Contains("chưa tìm thấy") || answer.Citations.Any(c => c.Doc == "hung-yen"), answer.Line);
        Assert.DoesNotContain("không nêu", answer.Line);
    }

    [Fact]
    public async Task Hỏi_hai_nơi_mà_không_nơi_nào_có_thì_từ_chối_kèm_đoạn_gần_nhất_của_từng_kế_hoạch()
    {
        var answer = await fixture.Ask("Giá vàng ở xã Yên Hòa và tỉnh Hưng Yên hôm nay bao nhiêu một chỉ?");
        Assert.False(answer.Answered, answer.Line);
        Assert.Null(answer.Value);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Contains(c.Doc, new[] { "yen-hoa", "hung-yen" }));
    }

    [Theory]
    [InlineData("hạn nộp báo cáo sáu tháng là hôm nào vậy ạ")]
    [InlineData("han nop bao cao 6 thang la hom nao vay a")]
    [InlineData("báo cáo nửa năm chậm nhất ngày mấy phải nộp nhỉ")]
    public async Task Hỏi_kiểu_trò_chuyện_số_bằng_chữ_không_dấu_vẫn_cùng_câu_trả_lời(string question)
    {
        var answer = await fixture.Ask(question, "yen-hoa");
        Assert.True(answer.Answered, answer.Line);
        Assert.Contains("10/6", answer.Line);
    }

    [Theory]
    [InlineData("Giá vàng hôm nay bao nhiêu một chỉ?", null)]
    [InlineData("Số điện thoại của Phòng Văn hóa - Xã hội?", "yen-hoa")]
    [InlineData("Hạn báo cáo 6 tháng của tỉnh Nghệ An là ngày nào?", null)]
    [InlineData("Phủ sóng 6G trên địa bàn xã đạt bao nhiêu phần trăm?", "yen-hoa")]
    [InlineData("Chương trình chuyển đổi số giai đoạn 2016-2020 của tỉnh được phê duyệt tại quyết định nào?", "bac-giang")]
    [InlineData("Họ tên người ký kế hoạch của xã Yên Hòa là gì?", null)]
    public async Task Kế_hoạch_không_nêu_thì_từ_chối_và_nói_lý_do(string question, string? scope)
    {
        var answer = await fixture.Ask(question, scope);
        Assert.False(answer.Answered, answer.Line);
        Assert.NotNull(answer.RefusalReason);
        Assert.Null(answer.Value);
    }

    [Fact]
    public async Task Cơ_quan_câu_hỏi_nêu_tên_phải_được_câu_trích_nêu_tên()
    {
        // Yên Hòa's plan gives duties to its own offices; "khoa học, công nghệ" in one of them is not the Sở's name, and
        // the Sở named on another line of that passage ("gửi Sở Khoa học và Công nghệ tổng hợp") is not what this line does.
        var other = await fixture.Ask("Sở Khoa học và Công nghệ có nhiệm vụ gì?", "yen-hoa");
        Assert.False(other.Answered, other.Line);

        var own = await fixture.Ask("Phòng Văn hóa - Xã hội có nhiệm vụ gì?", "yen-hoa");
        Assert.True(own.Answered, own.Line);
        Assert.Equal("yen-hoa/iii-1", own.Citations[0].ChunkId);
    }

    [Fact]
    public async Task Hỏi_đơn_vị_nào_thì_cơ_quan_câu_hỏi_nêu_làm_đối_chiếu_không_bắt_câu_trích_nêu_tên()
    {
        // The Sở Tài chính is Bắc Giang's side of the comparison; Trường Giang's answer is its own office.
        var answer = await fixture.Ask("Bắc Giang giao Sở Tài chính chủ trì bảo đảm nguồn kinh phí thực hiện hằng năm. " +
            "Còn xã Trường Giang thì cơ quan, đơn vị nào chủ trì bảo đảm nguồn kinh phí thực hiện hằng năm?");
        Assert.True(answer.Answered, answer.Line);
        Assert.Contains("Trường Giang, tỉnh Quảng Ngãi: Phòng Kinh tế", answer.Line);
    }

    [Fact]
    public async Task Hỏi_phòng_nào_không_bao_giờ_được_trả_lời_bằng_một_cơ_quan_khác_loại()
    {
        // The opening clause cites "Nghị quyết số 57-NQ/TW … của Bộ Chính trị"; a Bộ does not answer "phòng nào".
        var answer = await fixture.Ask("KH&CN và CĐS của xã Yên Hòa do phòng nào theo dõi?");
        Assert.False(answer.Answered && !answer.Line.StartsWith("Phòng", StringComparison.Ordinal), answer.Line);
    }

    [Fact]
    public async Task Nơi_không_có_kế_hoạch_thì_nói_rõ_và_kể_các_kế_hoạch_hiện_có()
    {
        var answer = await fixture.Ask("Hạn báo cáo 6 tháng của tỉnh Nghệ An là ngày nào?");
        Assert.Contains("Nghệ An", answer.Line);
        Assert.Contains("KH xã Yên Hòa", answer.Line);
    }

    [Fact]
    public async Task Địa_danh_trong_câu_hỏi_thắng_phạm_vi_của_widget_và_dòng_trả_lời_nói_kế_hoạch_nào()
    {
        var answer = await fixture.Ask("Hạn báo cáo 6 tháng của xã Yên Hòa là ngày nào?", "hung-yen");
        Assert.True(answer.Answered);
        Assert.Equal("yen-hoa", answer.PlanId);
        Assert.Contains("Yên Hòa", answer.Line);
    }

    [Theory]
    [InlineData("Hạn báo cáo 6 tháng là ngày nào?", "yen-hoa")]
    [InlineData("Sở nào chủ trì bảo đảm kinh phí thực hiện hằng năm?", "bac-giang")]
    [InlineData("KH 261 ban hành ngày nào?", "thai-nguyen")]
    public async Task Mọi_con_số_của_dòng_trả_lời_đều_có_trong_nguồn_thứ_nhất(string question, string scope)
    {
        var answer = await fixture.Ask(question, scope);
        Assert.True(answer.Answered, answer.Line);
        var source = VietnameseText.Fold(answer.Citations[0].Quote + " " + answer.Citations[0].Section + " " + answer.Citations[0].Passage);
        foreach (Match m in Regex.Matches(answer.Value!, @"\d+"))
            Assert.Contains(m.Value.TrimStart('0') is "" ? "0" : m.Value.TrimStart('0'), source);
    }

    [Fact]
    public async Task Hai_địa_phương_mỗi_nơi_một_câu_trả_lời_với_nguồn_riêng()
    {
        var answer = await fixture.Ask("Xã Trường Giang và xã Yên Hòa, hạn báo cáo kết quả hằng tháng là trước ngày mấy?");
        Assert.True(answer.Answered, answer.Line);
        Assert.Contains("Trường Giang", answer.Line);
        Assert.Contains("Yên Hòa", answer.Line);
        Assert.Equal(["truong-giang", "yen-hoa"], answer.Citations.Select(c => c.Doc).Order().ToArray());
    }

    [Fact]
    public async Task Văn_bản_được_nêu_số_trả_lời_từ_dòng_số_hiệu_của_chính_nó()
    {
        var answer = await fixture.Ask("Kế hoạch 44 của Hưng Yên ban hành ngày nào?");
        Assert.True(answer.Answered);
        Assert.Contains("3/3/2025", answer.Line);
    }

    [Fact]
    public async Task Cách_hiểu_câu_hỏi_được_ghi_lại_để_giải_thích()
    {
        var answer = await fixture.Ask("Phòng nào chủ trì tham mưu kinh phí?", "yen-hoa");
        Assert.NotNull(answer.Trace);
        Assert.StartsWith("LeadUnit", answer.Trace.Asks[0]);
        Assert.NotEmpty(answer.Trace.Considered);
        Assert.Contains("coverage", answer.Trace.Features.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("???!!!")]
    public async Task Câu_hỏi_rỗng_nhận_lời_nhắc_rõ_ràng(string question)
    {
        var answer = await fixture.Ask(question);
        Assert.False(answer.Answered);
        Assert.NotNull(answer.Error);
    }

    [Fact]
    public async Task Câu_hỏi_quá_dài_bị_từ_chối_kèm_giới_hạn() =>
        Assert.Contains("quá dài", (await fixture.Ask(new string('a', 5000))).Error);

    [Fact]
    public async Task Mã_kế_hoạch_lạ_được_báo_và_kể_các_mã_hiện_có() =>
        Assert.Contains("yen-hoa", (await fixture.Ask("Hạn báo cáo?", "ha-noi")).Error);
}
