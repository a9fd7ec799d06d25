using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Documents;

namespace KeHoach57.Answering.Tests;

public class QuestionAnalyzerTests
{
    private readonly QuestionAnalyzer _analyzer = new(new Corpus(
    [
        new CorpusDocument(new DocumentInfo("yen-hoa", "Kế hoạch xã Yên Hòa", Locality: "xã Yên Hòa"), "", []),
        new CorpusDocument(new DocumentInfo("truong-giang", "Quyết định xã Trường Giang", Locality: "xã Trường Giang"), "", []),
    ], "test"));

    [Theory]
    [InlineData("Hạn báo cáo 6 tháng là ngày nào?", Ask.Deadline)]
    [InlineData("han bao cao quy la ngay nao", Ask.Deadline)]
    [InlineData("Phòng nào chủ trì theo dõi chỉ số DTI?", Ask.Unit)]
    [InlineData("nhiệm vụ này phối hợp với đơn vị nào?", Ask.CoordinatingUnit)]
    [InlineData("tỷ lệ phủ sóng 5G đạt bao nhiêu %?", Ask.Figure)]
    [InlineData("Kế hoạch 02-KH/BCĐTW ban hành ngày nào?", Ask.Date)]
    [InlineData("quyết định số mấy?", Ask.DocumentNumber)]
    [InlineData("Kinh phí được bố trí từ những nguồn nào?", Ask.List)]
    [InlineData("UBND tỉnh báo cáo theo định kỳ nào?", Ask.Period)]
    [InlineData("ai làm trưởng ban chỉ đạo của xã vậy", Ask.Person)]
    [InlineData("Họ tên người ký kế hoạch là gì?", Ask.Person)]
    [InlineData("hoàn thành trước tháng mấy?", Ask.Deadline)]
    public void Hiểu_câu_hỏi_đang_hỏi_gì(string question, Ask expected) =>
        Assert.Contains(expected, _analyzer.Analyze(question).Asks);

    [Fact]
    public void Văn_bản_nào_không_phải_hỏi_ban_nào() =>
        Assert.DoesNotContain(Ask.Unit, _analyzer.Analyze("phải đáp ứng yêu cầu tại văn bản nào?").Asks);

    [Fact]
    public void Nhận_ra_địa_phương_được_nêu_có_dấu_hay_không_dấu()
    {
        Assert.Equal(["yen-hoa"], _analyzer.Analyze("Xã Yên Hòa đặt chỉ tiêu 5G bao nhiêu?").LocalityDocs);
        Assert.Equal(["truong-giang", "yen-hoa"], _analyzer.Analyze("xa Truong Giang va xa Yen Hoa, noi nao bao cao truoc?").LocalityDocs);
    }

    [Fact]
    public void Bỏ_tên_địa_phương_khỏi_nội_dung_cần_tìm() =>
        Assert.DoesNotContain("Yên", _analyzer.Analyze("Ở xã Yên Hòa, phòng nào tham mưu?").Topic);

    [Fact]
    public void Hỏi_về_chính_kế_hoạch_khác_hỏi_về_văn_bản_được_dẫn()
    {
        Assert.True(_analyzer.Analyze("Kế hoạch này của xã số mấy, ký ngày nào vậy?").SelfReference);
        Assert.False(_analyzer.Analyze("Kế hoạch này được ban hành để thực hiện những nghị quyết nào?").SelfReference);
        Assert.False(_analyzer.Analyze("Trước kế hoạch này đã có Chương trình hành động số mấy?").SelfReference);
    }

    [Fact]
    public void Ghi_nhận_danh_từ_được_đếm_và_câu_hỏi_về_tiền()
    {
        Assert.Equal("sáng kiến", _analyzer.Analyze("mỗi năm có bao nhiêu sáng kiến được công nhận?").CountedNoun);
        Assert.True(_analyzer.Analyze("hỗ trợ tối đa bao nhiêu triệu đồng?").Currency);
    }

    [Fact]
    public void Con_số_đã_nêu_trong_câu_hỏi_không_phải_là_điều_được_hỏi()
    {
        var q = _analyzer.Analyze("Tỉnh đặt mốc năm nào để phủ sóng 6G đạt 100%?");
        Assert.DoesNotContain(Ask.Figure, q.Asks);
        Assert.Equal(["6g"], q.Identifiers);
    }

    [Theory]
    [InlineData("Mức lương cơ sở của cán bộ cấp xã là bao nhiêu?", true)]
    [InlineData("Kinh phí thực hiện kế hoạch là bao nhiêu?", true)]
    [InlineData("Tỷ lệ chi ngân sách cho KH&CN là bao nhiêu %?", false)]
    [InlineData("Chất lượng dịch vụ công đạt bao nhiêu điểm?", false)]
    public void Lương_phí_giá_là_câu_hỏi_về_số_tiền(string question, bool money) =>
        Assert.Equal(money, _analyzer.Analyze(question).Currency);

    [Fact]
    public void Báo_cáo_quý_là_hỏi_hạn_của_báo_cáo_quý() =>
        Assert.Equal("quy", _analyzer.Analyze("han bao cao quy la ngay nao").ReportPeriod);

    [Theory]
    [InlineData("Chỉ số DTI đạt bao nhiêu vào năm 2040?", null)]
    [InlineData("Mỗi năm có bao nhiêu sáng kiến trong khu vực công?", "sáng kiến")]
    public void Danh_từ_được_đếm_không_phải_giới_từ(string question, string? noun) =>
        Assert.Equal(noun, _analyzer.Analyze(question).CountedNoun);

    [Fact]
    public void AI_viết_hoa_là_trí_tuệ_nhân_tạo_không_phải_hỏi_ai() =>
        Assert.DoesNotContain(Ask.Unit, _analyzer.Analyze("Ứng dụng AI được đẩy mạnh dựa trên cái gì?").Asks);

    [Theory]
    [InlineData("Hạn gửi báo cáo kết quả cả năm là ngày nào?", "nam")]
    [InlineData("hạn gửi báo cáo kết quả hằng tháng là trước ngày mấy?", "thang")]
    public void Kỳ_báo_cáo_nằm_sau_vài_chữ_vẫn_nhận_ra(string question, string period) =>
        Assert.Equal(period, _analyzer.Analyze(question).ReportPeriod);

    [Fact]
    public void Gửi_báo_cáo_định_kỳ_về_đâu_là_hỏi_nơi_nhận_không_phải_hỏi_định_kỳ()
    {
        var asks = _analyzer.Analyze("các cơ quan gửi báo cáo định kỳ về đâu?").Asks;
        Assert.Contains(Ask.Unit, asks);
        Assert.DoesNotContain(Ask.Period, asks);
    }

    [Fact]
    public void Nơi_nào_khi_so_sánh_hai_xã_không_phải_hỏi_đơn_vị() =>
        Assert.DoesNotContain(Ask.Unit, _analyzer.Analyze("Báo cáo năm ở xã Yên Hòa và xã Trường Giang hạn ngày nào, nơi nào sớm hơn?").Asks);

    [Fact]
    public void Phần_so_sánh_không_nằm_trong_chủ_đề_cần_tìm() =>
        Assert.Equal("báo cáo năm ở với ở hạn chót ngày nào ?",
            _analyzer.Topic("báo cáo năm ở xã Yên Hòa với ở xã Trường Giang hạn chót ngày nào, nơi nào sớm hơn?"));
}
