using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Tests.Understanding;

/// <summary>A question is read once: what it is about, where, when, and what it states.</summary>
public class QuestionReaderTests(AnsweringFixture fixture)
{
    [Fact]
    public void Chủ_đề_bỏ_từ_hỏi_địa_danh_và_tiểu_từ_trò_chuyện()
    {
        var facts = fixture.Read("Cho em hỏi hạn nộp báo cáo 6 tháng của xã Yên Hòa là ngày nào vậy ạ?");
        Assert.Contains("cao", facts.Subject);
        Assert.Contains("6", facts.Subject);
        Assert.DoesNotContain("nao", facts.Subject);
        Assert.DoesNotContain("yen", facts.Subject);
        Assert.DoesNotContain("vay", facts.Subject);
        Assert.Equal(["yen-hoa"], facts.Places.PlanIds);
    }

    [Theory]
    [InlineData("Báo cáo năm gửi trước ngày nào?", "gui")]
    [InlineData("hạn nộp báo cáo quý là hôm nào", "nop")]
    public void Nộp_gửi_trong_câu_hỏi_thời_hạn_là_lời_hỏi_không_phải_chủ_đề(string question, string verb)
    {
        // Plans write "hằng năm (trước ngày 30/11) báo cáo UBND tỉnh" with no "gửi": the verb belongs to the ask.
        var facts = fixture.Read(question);
        Assert.Equal(AskKind.Deadline, facts.Primary);
        Assert.DoesNotContain(verb, facts.Subject);
        Assert.Contains("cao", facts.Subject);
    }

    [Fact]
    public void Từ_gợi_ý_nói_cả_nội_dung_thì_vẫn_là_chủ_đề()
    {
        // "chủ trì" says what the asked organisation does: the clause must say it too.
        var facts = fixture.Read("Phòng nào chủ trì theo dõi việc triển khai?");
        Assert.Contains("chu", facts.Subject);
        Assert.Contains("tri", facts.Subject);
        Assert.Equal("Phòng", facts.UnitHead);
    }

    [Theory]
    [InlineData("Hạn báo cáo 6 tháng của tỉnh Nghệ An là ngày nào?", "tỉnh Nghệ An")]
    [InlineData("Xã Tân Lập đặt chỉ tiêu chuyển đổi số bao nhiêu?", "Xã Tân Lập")]
    [InlineData("Đà Nẵng có kế hoạch thực hiện Nghị quyết 57 không?", "Đà Nẵng")]
    public void Nơi_không_có_kế_hoạch_được_nhận_ra(string question, string place) =>
        Assert.Equal([place], fixture.Read(question).Places.Unindexed);

    [Theory]
    [InlineData("Phòng Văn hóa - Xã hội báo cáo khi nào?")]
    [InlineData("Chỉ số chuyển đổi số cấp tỉnh (DTI) đạt bao nhiêu?")]
    [InlineData("Các xã phải báo cáo UBND tỉnh trước ngày nào?")]
    [InlineData("Tỉnh phối hợp với Đại học Quốc gia Hà Nội thế nào?")]
    public void Không_nhầm_từ_thường_là_địa_danh(string question) =>
        Assert.Empty(fixture.Read(question).Places.Unindexed);

    [Fact]
    public void Kế_hoạch_được_nêu_theo_số_của_nó()
    {
        var facts = fixture.Read("Theo KH 44/KH-UBND, ai chủ trì?");
        Assert.Equal(["hung-yen"], facts.Places.ByNumber);
        Assert.DoesNotContain("ubnd", facts.Subject);
    }

    [Fact]
    public void Năm_số_đếm_và_con_số_câu_hỏi_tự_nêu()
    {
        var facts = fixture.Read("Năm hai không ba mươi có bao nhiêu sáng kiến cho 15% doanh nghiệp?");
        Assert.Equal(2030, facts.Year);
        Assert.Equal("sáng kiến", facts.CountedNoun);
        Assert.Contains("15", facts.StatedNumbers);
        Assert.DoesNotContain("2030", facts.StatedNumbers);
    }

    [Fact]
    public void Ký_hiệu_lẫn_chữ_và_số_là_định_danh() =>
        Assert.Equal(["6g"], fixture.Read("Chỉ tiêu phủ sóng 6G là bao nhiêu?").Identifiers);

    [Fact]
    public void Loại_văn_bản_được_hỏi_nằm_trước_cụm_số_mấy() =>
        Assert.Equal("CTr", fixture.Read("Ban Thường vụ đã có Chương trình hành động số mấy?").AskedDocumentSymbol);

    [Fact]
    public void Những_từ_ngay_trước_từ_hỏi_được_giữ_để_tìm_danh_sách()
    {
        var facts = fixture.Read("Khu CNTT tập trung nào được kêu gọi đầu tư?");
        Assert.Equal("Khu CNTT tập trung", facts.LeadText);
        Assert.Contains("thong", facts.Lead);
    }

    [Theory]
    [InlineData("phong nao bao cao chi so DTI?")]
    [InlineData("so nao chu tri trien khai nen tang so?")]
    public void Câu_gõ_không_dấu_vẫn_nhận_ra_hỏi_phòng_hay_sở_nào(string question) =>
        Assert.Equal(AskKind.LeadUnit, fixture.Read(question).Primary);

    [Fact]
    public void Hai_câu_hỏi_cách_nhau_dấu_phẩy_là_hai_điều_được_hỏi()
    {
        // "mấy * nào" (several of something) does not reach across the comma into "ký ngày nào".
        var facts = fixture.Read("Kế hoạch này số mấy, ký ngày nào?");
        Assert.True(facts.AsksFor(AskKind.DocumentRef));
        Assert.True(facts.AsksFor(AskKind.Date));
        Assert.False(facts.Plural);
    }

    [Fact]
    public void Dấu_phẩy_trong_một_cụm_liệt_kê_không_ngắt_câu_hỏi() =>
        Assert.True(fixture.Read("IoT được ứng dụng trong những ngành, lĩnh vực nào?").AsksFor(AskKind.List));

    [Theory]
    [InlineData("Theo KHHĐ tỉnh Thái Nguyên, hết năm 2030, mục tiêu về dịch vụ công trực tuyến là bao nhiêu?", "thai-nguyen", "khhd")]
    [InlineData("Theo KH xã Yên Hòa, hạn của báo cáo 6 tháng là ngày nào?", "yen-hoa", "hoach")]
    [InlineData("Quyết định của xã Trường Giang giao phòng nào theo dõi?", "truong-giang", "quyet")]
    public void Loại_văn_bản_đứng_trước_nơi_của_kế_hoạch_là_tên_kế_hoạch_không_phải_chủ_đề(string question, string plan, string kindWord)
    {
        var facts = fixture.Read(question);
        Assert.Equal([plan], facts.Places.PlanIds);
        Assert.DoesNotContain(kindWord, facts.Subject);
    }

    [Fact]
    public void Kế_hoạch_là_việc_được_hỏi_thì_vẫn_là_chủ_đề()
    {
        // "xây dựng kế hoạch" is the task asked about; only the kind that names the plan ("KH xã Yên Hòa") is dropped.
        var facts = fixture.Read("Theo KH xã Yên Hòa, việc xây dựng kế hoạch chi tiết phải hoàn thành khi nào?");
        Assert.Contains("hoach", facts.Subject);
        Assert.Contains("xay", facts.Subject);
    }
}
