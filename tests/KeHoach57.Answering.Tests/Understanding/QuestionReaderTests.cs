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
    [InlineData("cho mình hỏi tỉnh làm theo mô hình nào để hoàn thiện thể chế nha", "hoi")]
    [InlineData("cho mình hỏi tỉnh làm theo mô hình nào để hoàn thiện thể chế nha", "lam")]
    [InlineData("cho mình hỏi tỉnh làm theo mô hình nào để hoàn thiện thể chế nha", "nha")]
    [InlineData("xã muốn sửa quy định nào để gỡ vướng mắc vậy", "muon")]
    public void Từ_trò_chuyện_gõ_có_dấu_không_phải_chủ_đề(string question, string word)
    {
        var facts = fixture.Read(question);
        Assert.DoesNotContain(word, facts.Subject);
        Assert.DoesNotContain(word, facts.Query.Words.Select(w => w.Term));
    }

    [Theory]
    [InlineData("Hội Nông dân phối hợp tổ chức tập huấn nào?", "hoi")]
    [InlineData("Phát triển lâm nghiệp số gồm những nội dung gì?", "lam")]
    [InlineData("Tạo việc làm cho bao nhiêu lao động?", "lam")]
    [InlineData("Chính phủ số đòi hỏi những điều kiện nào?", "hoi")]
    [InlineData("Xây dựng nhà văn hóa số ở mấy thôn?", "nha")]
    public void Chữ_trùng_từ_trò_chuyện_khi_mang_dấu_khác_hoặc_trong_từ_ghép_vẫn_là_chủ_đề(string question, string word) =>
        Assert.Contains(word, fixture.Read(question).Subject);

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

    [Theory]
    [InlineData("Văn phòng Tỉnh ủy bố trí nhân sự có trình độ về KH,CN cho phòng nào?")]
    [InlineData("Nhân sự có trình độ KH và CN được bố trí cho phòng nào?")]
    public void Chữ_viết_tắt_nhiều_từ_được_đọc_trọn_không_tách_thành_kế_hoạch(string question)
    {
        // The glossary's "KH,CN" and "KH và CN" are "khoa học, công nghệ"; read word by word, "KH" alone is "kế hoạch".
        var facts = fixture.Read(question);
        Assert.Contains("khoa", facts.Subject);
        Assert.Contains("nghe", facts.Subject);
        Assert.DoesNotContain("hoach", facts.Subject);
        Assert.DoesNotContain("cn", facts.Subject);
    }

    [Fact]
    public void Hai_từ_gợi_ý_cùng_loại_chồng_nhau_thì_cả_hai_là_lời_hỏi()
    {
        // "đơn vị nào" and "nào phối hợp với" both ask for an organisation: "đơn vị" is not a word the clause must say.
        var facts = fixture.Read("Đơn vị nào phối hợp với Sở Tài chính thẩm định kinh phí?");
        Assert.Equal(AskKind.LeadUnit, facts.Primary);
        Assert.DoesNotContain("don", facts.Subject);
        Assert.Contains("phoi", facts.Subject);
        Assert.Contains("kinh", facts.Subject);
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

    [Theory]
    [InlineData("Sở Khoa học và Công nghệ có nhiệm vụ gì?", "Sở Khoa học và Công nghệ")]
    [InlineData("Phòng Văn hóa - Xã hội báo cáo trước ngày nào?", "Phòng Văn hóa - Xã hội")]
    [InlineData("Tỷ lệ người dân dùng dịch vụ số y tế là bao nhiêu?", null)]
    [InlineData("ty le nguoi dan dung dich vu so y te la bao nhieu", null)]
    [InlineData("Các sở, ban, ngành báo cáo trước ngày nào?", null)]
    public void Cơ_quan_được_nêu_tên_đầy_đủ_kèm_loại_của_nó(string question, string? organisation)
    {
        // "số y tế" is no "Sở Y tế": typed with marks, the kind word must carry the name's own; typed without, the
        // compound "dịch vụ số" takes its "so".
        var facts = fixture.Read(question);
        Assert.Equal(organisation is null ? [] : [organisation], facts.Organisations);
    }

    [Theory]
    [InlineData("Xã Trường Giang có bao nhiêu dân?", "dân", false)]
    [InlineData("Bao nhiêu phần trăm hồ sơ được số hóa?", null, true)]
    [InlineData("Tỷ lệ hồ sơ được số hóa là bao nhiêu?", null, true)]
    [InlineData("Chỉ tiêu độ phủ 5G của xã là bao nhiêu?", null, false)]
    [InlineData("Xã Yên Hòa đặt bao nhiêu, xã Trường Giang đặt bao nhiêu?", null, false)]
    [InlineData("Có bao nhiêu sáng kiến cho 15% doanh nghiệp?", "sáng kiến", false)]
    public void Cái_được_đếm_chỉ_đứng_sau_từ_hỏi_số_lượng_và_phần_trăm_chỉ_được_hỏi_bằng_từ_hỏi(string question, string? counted, bool percent)
    {
        // "chỉ tiêu độ phủ" names the value asked, not what is counted; a comma ends the ask; a percentage stated in the
        // question is what it asks about.
        var facts = fixture.Read(question);
        Assert.Equal(counted, facts.CountedNoun);
        Assert.Equal(percent, facts.PercentAsked);
    }

    [Fact]
    public void Ký_hiệu_lẫn_chữ_và_số_là_định_danh() =>
        Assert.Equal(["6g"], fixture.Read("Chỉ tiêu phủ sóng 6G là bao nhiêu?").Identifiers);

    [Theory]
    [InlineData("Nghị quyết 57 do cơ quan nào ban hành?", true)]
    [InlineData("phòng nào theo dõi chỉ số DTI?", true)]
    [InlineData("Ai chủ trì việc lập kế hoạch chi tiết?", false)]
    public void Hỏi_cơ_quan_nào_là_hỏi_một_tổ_chức_không_phải_một_người(string question, bool organisation) =>
        Assert.Equal(organisation, fixture.Read(question).AsksOrganisation);

    [Theory]
    [InlineData("Tinh trang bi cho nguoi dan nhung yeu to nao de tro thanh cong dan so?")]
    [InlineData("Xa phat dong nhung phong trao nao de pho cap kien thuc so?")]
    public void Từ_hai_âm_tiết_gõ_không_dấu_không_bị_đọc_thành_hỏi_đơn_vị(string question) =>
        Assert.NotEqual(AskKind.LeadUnit, fixture.Read(question).Primary);

    [Theory]
    [InlineData("Kế hoạch hướng tới tầm nhìn dài hạn về những lĩnh vực nào?")]
    [InlineData("Những hạn chế nào trong chuyển đổi số được nêu ra?")]
    public void Chữ_hạn_trong_dài_hạn_hay_hạn_chế_không_phải_hỏi_thời_hạn(string question) =>
        Assert.False(fixture.Read(question).AsksFor(AskKind.Deadline));

    [Theory]
    [InlineData("han bao cao quy cua cac phong ban xa truong giang la ngay nao", AskKind.Deadline)]
    [InlineData("Chi tieu moc 2030 ve ty le dan co chu ky so la muc nao?", AskKind.Figure)]
    public void Chữ_nào_hỏi_về_từ_đứng_ngay_trước_nó_không_về_từ_xa_hơn(string question, AskKind kind)
    {
        // "phòng ban … là ngày nào" asks for a date, "cơ … là mức nào" for a figure: never for a unit.
        var facts = fixture.Read(question);
        Assert.True(facts.AsksFor(kind));
        Assert.False(facts.AsksFor(AskKind.LeadUnit));
    }

    [Fact]
    public void Từ_hỏi_một_chữ_như_ai_vẫn_thuộc_cụm_hỏi_người_nhận() =>
        Assert.Equal(AskKind.Recipient, fixture.Read("kế hoạch của xã Yên Hòa gửi cho những ai vậy ạ?").Primary);

    [Fact]
    public void Chữ_là_sau_tên_nơi_là_ngữ_pháp_không_phải_chủ_đề() =>
        Assert.DoesNotContain("la", fixture.Read("Hạn báo cáo 6 tháng của xã Yên Hòa là ngày nào?").Subject);

    [Theory]
    [InlineData("Chương trình chuyển đổi số giai đoạn 2016-2020 được phê duyệt tại quyết định nào?")]
    [InlineData("chuong trinh chuyen doi so giai doan 2016 – 2020 duoc phe duyet o quyet dinh nao")]
    public void Giai_đoạn_được_nêu_cũng_là_định_danh(string question) =>
        Assert.Contains("2016-2020", fixture.Read(question).Identifiers);

    [Fact]
    public void Loại_văn_bản_được_hỏi_nằm_trước_cụm_số_mấy() =>
        Assert.Equal("CTr", fixture.Read("Ban Thường vụ đã có Chương trình hành động số mấy?").AskedDocumentSymbol);

    [Theory]
    [InlineData("Còn kế hoạch cùng nội dung của Ban Thường vụ Tỉnh ủy là số mấy?", "KH")]
    // Two kinds before the ask: which one is asked is not told by the head of the question.
    [InlineData("Kế hoạch này thực hiện theo văn bản của Tỉnh ủy là số mấy?", null)]
    [InlineData("Kế hoạch này căn cứ thực hiện những văn bản nào?", null)]
    public void Loại_văn_bản_đứng_đầu_câu_hỏi_là_loại_được_hỏi_khi_câu_chỉ_nêu_một_loại(string question, string? symbol) =>
        Assert.Equal(symbol, fixture.Read(question).AskedDocumentSymbol);

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

    [Theory]
    [InlineData("Hạn gửi báo cáo kết quả cả năm ở Bắc Giang và ở Hưng Yên khác nhau thế nào?", "khac")]
    [InlineData("Hạn gửi báo cáo kết quả cả năm ở Bắc Giang và ở Hưng Yên khác nhau thế nào?", "nhau")]
    [InlineData("Kế hoạch của tỉnh Hưng Yên và của xã Trường Giang lần lượt thực hiện nghị quyết nào của Chính phủ?", "luot")]
    [InlineData("Kế hoạch 44 của Hưng Yên với quyết định 536 của xã Trường Giang, cái nào ban hành trước?", "cai")]
    public void Từ_so_sánh_hai_nơi_không_phải_chủ_đề(string question, string word)
    {
        var facts = fixture.Read(question);
        Assert.Equal(2, facts.Places.PlanIds.Count);
        Assert.DoesNotContain(word, facts.Subject);
    }

    [Fact]
    public void Từ_so_sánh_vẫn_là_chủ_đề_khi_câu_hỏi_chỉ_nêu_một_nơi()
    {
        // One plan named: nothing is compared, and "lần lượt" is whatever the question says it is.
        var facts = fixture.Read("Xã Yên Hòa tổ chức lần lượt những hội nghị nào?");
        Assert.Equal(["yen-hoa"], facts.Places.PlanIds);
        Assert.Contains("luot", facts.Subject);
    }

    [Theory]
    [InlineData("Nhiệm vụ cụ thể giao cho từng sở, ban, ngành theo Kế hoạch 44 được liệt kê tại phần nào?")]
    [InlineData("Danh mục nhiệm vụ của kế hoạch nằm ở phần nào?")]
    public void Hỏi_tại_phần_nào_là_hỏi_nơi_văn_bản_chỉ_tới_không_phải_danh_sách(string question) =>
        // The plan answers in its own words ("chi tiết tại Phụ lục 2"), though the question says "liệt kê".
        Assert.Equal(AskKind.Fact, fixture.Read(question).Primary);
}
