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
}
