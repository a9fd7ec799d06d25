using KeHoach57.Answering.Composition;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;
using KeHoach57.Tests.Shared;

namespace KeHoach57.Answering.Tests;

/// <summary>End to end on the repository's corpus: what an official sees.</summary>
public class AnsweringSpecs : IAsyncLifetime
{
    private TestAssistant _test = null!;

    public async ValueTask InitializeAsync() => _test = await TestAssistant.CreateAsync();

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    private Task<Answer> Ask(string question, string? scope = null) =>
        _test.Assistant.AskAsync(new AskRequest(question, scope), TestContext.Current.CancellationToken);

    private static string Lead(Answer a) => a.Markdown.Split('\n')[0];

    [Fact]
    public async Task Trả_lời_một_dòng_ngắn_rồi_dẫn_nguồn_tài_liệu_mục_và_câu_trích()
    {
        var answer = await Ask("Hạn báo cáo 6 tháng của xã Yên Hòa là ngày nào?");

        Assert.True(answer.Answered);
        Assert.Contains("10/6", Lead(answer));
        var citation = answer.Citations[0];
        Assert.Equal("yen-hoa", citation.Doc);
        Assert.Contains("Yên Hòa", citation.Title);
        Assert.NotEmpty(citation.Section);
        Assert.Contains("10/6", citation.Quote);
    }

    [Theory]
    // The report's period picks its date among the others in the same sentence.
    [InlineData("Báo cáo quý phải gửi trước ngày nào?", "yen-hoa", "ngày 10 tháng cuối quý")]
    // A number the question states is what it asks about; the date is the one that document carries.
    [InlineData("Kế hoạch hành động số 359-KH/TU của Ban Thường vụ Tỉnh ủy ban hành ngày nào?", "truong-giang", "29/4/2025")]
    // Numbers cited together answer together.
    [InlineData("Hạ tầng số phải đáp ứng những văn bản nào của Bộ Thông tin và Truyền thông?", "bac-giang", "1552/BTTTT-TTH và 708/BTTTT-CATTT")]
    // "Những cơ quan nào": every unit of the enumeration, in proper form.
    [InlineData("Về an toàn thông tin mạng, xã phối hợp với những cơ quan cấp tỉnh nào?", "truong-giang", "Công an tỉnh, Sở Khoa học và Công nghệ")]
    // Abbreviations in the question meet the broken font's spelled-out words ("khoa h9c, cong ngh").
    [InlineData("Năm 2025 Thái Nguyên chi cho KH&CN, ĐMST, CĐS bao nhiêu phần trăm GRDP?", null, "2%")]
    // The plan named by its issuer and its kind of document is answered from its own header.
    [InlineData("UBND xã Trường Giang ban hành kế hoạch hành động bằng quyết định số mấy?", null, "536/QĐ-UBND")]
    // "… nào?": the proper name the plan writes after those words, shown as written.
    [InlineData("Tỉnh phối hợp với đại học nào để thúc đẩy công bố khoa học, đăng ký sở hữu trí tuệ?", "thai-nguyen", "Đại học Thai Nguyen")]
    [InlineData("Kêu gọi doanh nghiệp đầu tư vào khu CNTT tập trung nào?", "thai-nguyen", "Yen BInh")]
    public async Task Dòng_trả_lời_nêu_đúng_giá_trị_được_hỏi(string question, string? scope, string expected)
    {
        var answer = await Ask(question, scope);
        Assert.True(answer.Answered);
        Assert.Contains(expected, Lead(answer));
    }

    [Fact]
    public async Task Kế_hoạch_được_nêu_số_là_nơi_tìm_còn_điều_hỏi_là_văn_bản_nó_căn_cứ()
    {
        var answer = await Ask("KH 261 của Tỉnh ủy Thái Nguyên căn cứ nghị quyết của Quốc hội về thí điểm cơ chế đặc biệt là nghị quyết số mấy?");
        Assert.True(answer.Answered);
        Assert.Equal("thai-nguyen", answer.Citations[0].Doc);
        Assert.DoesNotContain("261", Lead(answer));
        Assert.Contains("/2025/QH", Lead(answer));
    }

    [Fact]
    public async Task Hai_văn_bản_được_nêu_số_thì_mỗi_văn_bản_trả_lời_từ_dòng_số_hiệu_của_chính_nó()
    {
        var answer = await Ask("Kế hoạch 44 của Hưng Yên và Quyết định 536 của xã Trường Giang ban hành ngày nào?");
        Assert.True(answer.Answered);
        Assert.Contains("3/3/2025", answer.Markdown);
        Assert.Contains("10/9/2025", answer.Markdown);
    }

    [Fact]
    public async Task Đơn_vị_phối_hợp_không_phải_đơn_vị_chủ_trì()
    {
        var answer = await Ask("Đơn vị nào tham mưu phương án kinh phí thực hiện kế hoạch?", "yen-hoa");
        Assert.Contains("Phòng Kinh tế", Lead(answer));
    }

    [Fact]
    public async Task Câu_dài_thì_dòng_trả_lời_bắt_đầu_từ_chỗ_nói_điều_được_hỏi()
    {
        var answer = await Ask("Bắc Giang xây dựng mô hình thử nghiệm sản xuất nông nghiệp theo chuẩn gì?");
        Assert.StartsWith("**… ", Lead(answer));
        Assert.Contains("VietGAP, GlobalGAP", answer.Markdown.Split("\n\n")[0]);
    }

    [Fact]
    public async Task Hỏi_không_dấu_được_cùng_câu_trả_lời()
    {
        var withMarks = await Ask("Hạn báo cáo năm là ngày nào?", "yen-hoa");
        var without = await Ask("han bao cao nam la ngay nao", "yen-hoa");
        Assert.Equal(Lead(withMarks), Lead(without));
    }

    [Theory]
    [InlineData("Giá vé xe buýt nội thành Hà Nội là bao nhiêu?", null)]
    [InlineData("Kinh phí thực hiện kế hoạch của xã Yên Hòa là bao nhiêu?", null)]
    [InlineData("Phủ sóng 6G trên địa bàn xã đạt bao nhiêu phần trăm?", "yen-hoa")]
    [InlineData("Ai làm trưởng ban chỉ đạo chuyển đổi số của xã?", "yen-hoa")]
    [InlineData("Họ tên người ký kế hoạch của xã Yên Hòa là gì?", null)]
    [InlineData("Mức lương cơ sở của cán bộ, công chức cấp xã là bao nhiêu tỷ đồng?", null)]
    [InlineData("Mỗi doanh nghiệp khởi nghiệp được hỗ trợ tối đa bao nhiêu triệu đồng?", "bac-giang")]
    public async Task Khi_kế_hoạch_không_nêu_thì_nói_rõ_và_đưa_đoạn_gần_nhất(string question, string? scope)
    {
        var answer = await Ask(question, scope);
        Assert.False(answer.Answered);
        Assert.Contains("không nêu", answer.Markdown);
    }

    [Theory]
    [InlineData("Hạn báo cáo 6 tháng là ngày nào?", "yen-hoa")]
    [InlineData("Sở nào chủ trì bảo đảm kinh phí thực hiện hằng năm?", "bac-giang")]
    [InlineData("Tỷ lệ phủ sóng 5G năm 2030 của xã là bao nhiêu?", "truong-giang")]
    [InlineData("KH 261 ban hành ngày nào?", "thai-nguyen")]
    public async Task Mọi_thông_tin_trong_dòng_trả_lời_đều_có_trong_câu_được_trích(string question, string scope)
    {
        var answer = await Ask(question, scope);
        Assert.True(answer.Answered);
        // Every number in the answer line stands in the cited source: the quoted clause, or the heading or
        // table header it sits under (a table's year columns).
        var quote = VietnameseText.Fold(answer.Citations[0].Quote + " " + answer.Citations[0].Section + " " + answer.Citations[0].Passage);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(Lead(answer).Replace("[1]", ""), @"\d+"))
            Assert.Contains(m.Value.TrimStart('0') is "" ? "0" : m.Value.TrimStart('0'), quote);
    }

    [Fact]
    public async Task Hai_địa_phương_mỗi_nơi_một_câu_trả_lời_với_nguồn_riêng()
    {
        var answer = await Ask("Xã Trường Giang và xã Yên Hòa, hạn báo cáo kết quả hằng tháng là trước ngày mấy?");
        Assert.True(answer.Answered);
        Assert.Equal(["truong-giang", "yen-hoa"], answer.Citations.Select(c => c.Doc).Order().ToArray());
        Assert.Contains("[2]", answer.Markdown);
    }

    [Fact]
    public async Task Câu_hỏi_về_số_hiệu_của_chính_kế_hoạch_không_có_số_thì_từ_chối()
    {
        var answer = await Ask("Kế hoạch này của xã số mấy, ký ngày nào vậy?", "yen-hoa");
        Assert.False(answer.Answered);
    }

    [Fact]
    public async Task Thân_câu_trả_lời_không_kèm_danh_sách_nguồn()
    {
        var answer = await Ask("Hạn báo cáo 6 tháng là ngày nào?", "yen-hoa");
        Assert.DoesNotContain("Nguồn:", answer.Body);
        Assert.Equal(AnswerComposer.Body(answer.Markdown), answer.Body);
    }
}
