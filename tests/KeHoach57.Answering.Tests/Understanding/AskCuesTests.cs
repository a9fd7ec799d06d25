using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Tests.Understanding;

/// <summary>What a question asks for is read from the cue data (asks.tsv), however it is phrased.</summary>
public class AskCuesTests(AnsweringFixture fixture)
{
    [Theory]
    [InlineData("Hạn báo cáo 6 tháng là ngày nào?", AskKind.Deadline)]
    [InlineData("hạn nộp báo cáo sáu tháng là hôm nào vậy ạ", AskKind.Deadline)]
    [InlineData("han nop bao cao sau thang la hom nao vay a", AskKind.Deadline)]
    [InlineData("báo cáo quý chậm nhất ngày mấy phải gửi nhỉ", AskKind.Deadline)]
    [InlineData("Phòng nào báo cáo chỉ số DTI?", AskKind.LeadUnit)]
    [InlineData("ai lo vụ lập dự toán kinh phí vậy", AskKind.LeadUnit)]
    [InlineData("Phối hợp với cơ quan nào?", AskKind.CoUnits)]
    [InlineData("báo cáo 6 tháng nộp về sở nào để tổng hợp?", AskKind.Recipient)]
    [InlineData("Tỷ lệ hồ sơ xử lý trực tuyến đạt bao nhiêu phần trăm?", AskKind.Figure)]
    [InlineData("chỉ tiêu phủ sóng 5G là mấy % thế", AskKind.Figure)]
    [InlineData("Nghị quyết 57 được ban hành ngày nào?", AskKind.Date)]
    [InlineData("Ngày ký Kế hoạch 44/KH-UBND là ngày nào?", AskKind.Date)]
    [InlineData("Kế hoạch căn cứ nghị quyết số mấy của Quốc hội?", AskKind.DocumentRef)]
    [InlineData("Bao lâu một lần phải đánh giá kết quả?", AskKind.Frequency)]
    [InlineData("Số điện thoại của Phòng Văn hóa - Xã hội?", AskKind.Contact)]
    [InlineData("Họ tên người ký kế hoạch là gì?", AskKind.Person)]
    [InlineData("Mức hỗ trợ cho mỗi đề tài là bao nhiêu triệu đồng?", AskKind.Money)]
    [InlineData("Tỉnh ưu tiên những lĩnh vực nào?", AskKind.List)]
    [InlineData("ngành nào được nhắm tới, mấy ngành nào vậy ạ", AskKind.List)]
    [InlineData("Mục tiêu chung của kế hoạch là gì?", AskKind.Fact)]
    // Other ways to ask the same kinds (synonyms of the ask, chat wording).
    [InlineData("Công văn hướng dẫn của Bộ đề ngày bao nhiêu?", AskKind.Date)]
    [InlineData("Phòng Kinh tế làm cùng phòng nào để kiểm tra?", AskKind.CoUnits)]
    [InlineData("sở tài chính bắt tay với đơn vị nào để thẩm định vậy", AskKind.CoUnits)]
    [InlineData("Trung tâm kết hợp với cơ quan nào để tập huấn?", AskKind.CoUnits)]
    [InlineData("Tỉnh phấn đấu vào top nào cả nước về chỉ số PCI?", AskKind.Figure)]
    [InlineData("chỉ số DTI của tỉnh đứng thứ hạng nào cả nước", AskKind.Figure)]
    [InlineData("xã mình ưu tiên chuyển đổi số ở mảng nào thế", AskKind.List)]
    public void Loại_câu_hỏi_đọc_từ_dữ_liệu_gợi_ý(string question, AskKind kind) =>
        Assert.Equal(kind, fixture.Read(question).Primary);

    [Fact]
    public void Những_cơ_quan_nào_hỏi_nhiều_đơn_vị()
    {
        var facts = fixture.Read("Xã phối hợp với những cơ quan cấp tỉnh nào?");
        Assert.Equal(AskKind.CoUnits, facts.Primary);
        Assert.True(facts.Plural);
    }

    [Fact]
    public void Những_loại_văn_bản_kể_trước_dấu_phẩy_vẫn_là_một_câu_hỏi_về_nhiều_văn_bản()
    {
        // No ask stands before the comma: it lists kinds of document, unlike "số mấy, ký ngày nào".
        var facts = fixture.Read("Kế hoạch này được ban hành để thực hiện những nghị quyết, kế hoạch nào?");
        Assert.Equal(AskKind.DocumentRef, facts.Primary);
        Assert.True(facts.Plural);
        Assert.False(fixture.Read("Kế hoạch này số mấy, ký ngày nào?").Plural);
    }

    [Fact]
    public void Chữ_AI_viết_hoa_là_trí_tuệ_nhân_tạo_không_phải_ai()
    {
        Assert.NotEqual(AskKind.LeadUnit, fixture.Read("Ứng dụng AI vào những việc gì?").Primary);
        Assert.Equal(AskKind.LeadUnit, fixture.Read("Ai lo ứng dụng trí tuệ nhân tạo?").Primary);
    }

    [Theory]
    [InlineData("Những cơ sở dữ liệu nào sẽ được kết nối với nhau?")]
    [InlineData("Xã tăng cường phòng chống những loại tội phạm nào trên mạng?")]
    [InlineData("Xã ban hành văn bản nào để triển khai?")]
    public void Một_âm_tiết_của_từ_ghép_không_phải_tên_cơ_quan(string question) =>
        Assert.NotEqual(AskKind.LeadUnit, fixture.Read(question).Primary);

    [Theory]
    [InlineData("Chiến lược được lồng ghép vào quy hoạch tỉnh thời kỳ nào?")]
    [InlineData("chien luoc long ghep vao quy hoach tinh thoi ky nao nhi")]
    [InlineData("Chỉ tiêu này đặt ra cho nhiệm kỳ nào?")]
    public void Thời_kỳ_nào_hỏi_một_giai_đoạn_không_hỏi_bao_lâu_một_lần(string question) =>
        Assert.NotEqual(AskKind.Frequency, fixture.Read(question).Primary);

    [Theory]
    [InlineData("Sơ kết, tổng kết được tổ chức theo chu kỳ nào?")]
    [InlineData("Xã kiểm tra, báo cáo theo những chu kỳ nào?")]
    public void Chu_kỳ_nào_vẫn_hỏi_bao_lâu_một_lần(string question) =>
        Assert.Equal(AskKind.Frequency, fixture.Read(question).Primary);

    [Theory]
    [InlineData("Văn phòng nào tổng hợp số liệu?")]
    [InlineData("Tổ công tác nào theo dõi việc này?")]
    [InlineData("Tổ chức nào được giao nhiệm vụ này?")]
    public void Cụm_từ_gợi_ý_viết_đủ_cả_từ_ghép_thì_vẫn_khớp(string question) =>
        Assert.Equal(AskKind.LeadUnit, fixture.Read(question).Primary);

    [Fact]
    public void Gửi_cho_những_ai_hỏi_nơi_nhận()
    {
        var facts = fixture.Read("văn bản này gửi cho những ai vậy?");
        Assert.Equal(AskKind.Recipient, facts.Primary);
        Assert.True(facts.Plural);
    }

    [Fact]
    public void Câu_gõ_có_dấu_thì_quốc_gia_không_phải_giá()
    {
        var facts = fixture.Read("Kế hoạch triển khai Chiến lược quốc gia về trí tuệ nhân tạo là kế hoạch số mấy?");
        Assert.Equal(AskKind.DocumentRef, facts.Primary);
        Assert.DoesNotContain(facts.Asks, a => a.Kind == AskKind.Money);
    }

    [Theory]
    [InlineData("Viec cong bo danh muc bai toan lon ve chuyen doi so nham moi doi tuong nao tham gia?")]
    [InlineData("phan chi ngan sach cho chuyen doi so phai dat ty trong nao tren tong chi?")]
    [InlineData("uu tien dao tao ky nang so cho vung nao?")]
    public void Câu_gõ_không_dấu_thì_số_của_chuyển_đổi_số_không_phải_sở(string question) =>
        // Unmarked, "so" is also "sở": "sở * nào" must not take the "số" of "chuyển đổi số", "kỹ năng số".
        Assert.NotEqual(AskKind.LeadUnit, fixture.Read(question).Primary);

    [Fact]
    public void Câu_gõ_không_dấu_thì_quốc_gia_về_không_phải_giá_vé()
    {
        var facts = fixture.Read("Quyet dinh ban hanh Chien luoc quoc gia ve kinh te so va xa hoi so duoc Thu tuong ky ngay nao?");
        Assert.DoesNotContain(facts.Asks, a => a.Kind == AskKind.Money);
    }

    [Theory]
    [InlineData("Trung tam tich hop du lieu phat trien ha tang dien toan dam may theo chuan gi?")]
    [InlineData("Ha tang dien toan phai dat nhung chuan muc nao?")]
    public void Câu_gõ_không_dấu_thì_đám_mây_và_chuẩn_mực_không_hỏi_con_số(string question) =>
        // "dam may" is "đám mây", not "mấy"; "chuan muc nao" is "chuẩn mực nào", not "mức nào"; "phải đạt" alone asks for
        // no figure ("phải đạt những chuẩn mực nào" asks for standards).
        Assert.NotEqual(AskKind.Figure, fixture.Read(question).Primary);

    [Fact]
    public void Công_nghệ_chiến_lược_nào_hỏi_các_công_nghệ_không_hỏi_số_văn_bản() =>
        Assert.NotEqual(AskKind.DocumentRef, fixture.Read("Tỉnh đào tạo kỹ sư, tiến sĩ cho những công nghệ chiến lược nào?").Primary);

    [Theory]
    [InlineData("Đơn vị nào chịu trách nhiệm chính trong việc hướng dẫn tuyên truyền trên báo chí?", AskKind.LeadUnit)]
    [InlineData("Chi ngân sách cho khoa học chiếm tỷ trọng bao nhiêu trên tổng chi?", AskKind.Figure)]
    [InlineData("chi ngan sach cho chuyen doi so phai dat ty trong nao tren tong chi", AskKind.Figure)]
    [InlineData("Số cán bộ nghiên cứu của tỉnh năm 2030 phải đạt bao nhiêu?", AskKind.Figure)]
    public void Hỏi_cùng_một_điều_bằng_lời_khác(string question, AskKind kind) =>
        Assert.Equal(kind, fixture.Read(question).Primary);

    [Fact]
    public void Chịu_trách_nhiệm_chính_là_lời_hỏi_đơn_vị_chủ_trì_không_phải_chủ_đề()
    {
        // The plans write "chủ trì": a clause need not say "chịu trách nhiệm chính" to answer who leads.
        var facts = fixture.Read("Đơn vị nào thuộc Tỉnh ủy chịu trách nhiệm chính trong việc hướng dẫn tuyên truyền?");
        Assert.Equal(AskKind.LeadUnit, facts.Primary);
        Assert.DoesNotContain("trach", facts.Subject);
        Assert.Contains("tuyen", facts.Subject);
    }

    [Fact]
    public void Đạt_bao_nhiêu_chỉ_loại_giá_trị_câu_trả_lời_không_cần_nói_lại()
    {
        // "Có 1800 cán bộ …" answers "đạt bao nhiêu" without the word "đạt".
        var facts = fixture.Read("Số cán bộ nghiên cứu của tỉnh năm 2030 phải đạt bao nhiêu?");
        Assert.Contains("dat", facts.Optional);
        Assert.Contains("nghien", facts.Subject);
    }

    [Fact]
    public void Hỏi_hai_điều_thì_cả_hai_đều_được_ghi_nhận_theo_thứ_tự_câu_hỏi()
    {
        var facts = fixture.Read("Tỷ lệ này năm 2025 là bao nhiêu và phòng nào theo dõi?");
        Assert.Equal([AskKind.Figure, AskKind.LeadUnit], facts.InQuestionOrder);
    }

    [Theory]
    [InlineData("Tỉnh ưu tiên ứng dụng trí tuệ nhân tạo ở mảng nào?", "mang")]
    [InlineData("Khu vực nào được ưu tiên phủ sóng 5G?", "khu")]
    [InlineData("Vùng nào được ưu tiên đào tạo kỹ năng số?", "vung")]
    [InlineData("Đối tượng nào được hỗ trợ kinh phí?", "tuong")]
    public void Từ_chỉ_loại_điều_được_hỏi_là_lời_hỏi_không_phải_chủ_đề(string question, string word) =>
        Assert.DoesNotContain(word, fixture.Read(question).Subject);

    [Fact]
    public void Lĩnh_vực_nào_vẫn_giữ_từ_lĩnh_vực_vì_kế_hoạch_viết_như_vậy()
    {
        var facts = fixture.Read("Tỉnh ưu tiên phát triển lĩnh vực nào?");
        Assert.Equal(AskKind.List, facts.Primary);
        Assert.Contains("linh", facts.Subject);
    }

    [Theory]
    [InlineData("Nowhere\tgì\t0.5", "unknown kind")]
    [InlineData("Fact\t\t0.5", "empty cue")]
    [InlineData("Fact\tgì\t3", "weight")]
    [InlineData("Fact\tgì\t0.5\nFact\tgi\t0.4", "duplicate")]
    [InlineData("Frequency\tmột lần\t1", "can never match")]
    [InlineData("Fact\t* gì\t1", "cannot start")]
    [InlineData("Fact\tgì\t0.5\tmaybe", "subject column")]
    [InlineData("Figure\tbao nhiêu\t0.8\t\tphần trăm", "value column")]
    [InlineData("Deadline\thạn\t0.8\t\tpercent", "only a Figure cue")]
    public void Dữ_liệu_gợi_ý_sai_bị_từ_chối_kèm_số_dòng(string tsv, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => new AskCues(tsv, "test.tsv"));
        Assert.Contains("test.tsv:", error.Message);
        Assert.Contains(message, error.Message);
    }
}
