using KeHoach57.Answering.Composition;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Tests.Asks;

/// <summary>"Kế hoạch nào nêu …?": the plan and its section, from a clause that says the asked content, or a refusal.</summary>
public class PlanAskTests(AnsweringFixture fixture)
{
    [Theory]
    [InlineData("Kế hoạch nào đặt mục tiêu 95% hồ sơ được số hóa và cấp kết quả điện tử?", "yen-hoa", "95%")]
    [InlineData("ke hoach nao dat muc tieu 95% ho so duoc so hoa va cap ket qua dien tu", "yen-hoa", "95%")]
    [InlineData("Mục tiêu 95% hồ sơ được số hóa và cấp kết quả điện tử nằm trong kế hoạch nào?", "yen-hoa", "95%")]
    [InlineData("Văn bản nào giao Phòng Kinh tế chủ trì hướng dẫn xây dựng dự toán?", "yen-hoa", "xay dung")]
    [InlineData("Tỉnh nào đặt chỉ tiêu kinh tế số đạt 40% GRDP vào năm 2030?", "thai-nguyen", "40%")]
    [InlineData("tinh nao dat chi tieu kinh te so dat 40% GRDP nam 2030", "thai-nguyen", "40%")]
    [InlineData("Ở đâu đặt chỉ tiêu 65% dân số từ 15 tuổi trở lên có tài khoản thanh toán điện tử?", "yen-hoa", "65%")]
    // Trường Giang's appendix rows share most of its words; Thái Nguyên's broken-font line is the one that says 98%.
    [InlineData("Kế hoạch nào nêu: hết năm 2025, mục tiêu 98% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa?", "thai-nguyen", "98%")]
    public async Task Hỏi_kế_hoạch_nào_nêu_thì_trả_lời_tên_ngắn_và_mục_của_kế_hoạch_có_câu_nêu_nội_dung_đó(string question, string plan, string inQuote)
    {
        var answer = await fixture.Ask(question);
        Assert.True(answer.Answered, answer.Line);
        Assert.Equal(AskKind.Plan, answer.Kind);
        var label = fixture.Get<SourceLabels>().Plan(plan);
        Assert.StartsWith(label + " › ", answer.Line);
        Assert.Equal(label, answer.Value);
        Assert.Single(answer.Citations);
        Assert.Equal(plan, answer.Citations[0].Doc);
        // The cited clause itself says what was asked (its heading may name the unit).
        Assert.Contains(inQuote, VietnameseText.Fold(answer.Citations[0].Quote));
    }

    [Fact]
    public async Task Hai_kế_hoạch_cùng_nêu_thì_kể_cả_hai_mỗi_kế_hoạch_một_nguồn()
    {
        var answer = await fixture.Ask("Kế hoạch nào yêu cầu báo cáo định kỳ 6 tháng về Sở Khoa học và Công nghệ?");
        Assert.True(answer.Answered, answer.Line);
        Assert.StartsWith("2 kế hoạch cùng nêu", answer.Line);
        Assert.Equal(["bac-giang", "hung-yen"], answer.Citations.Select(c => c.Doc).Order());
        Assert.All(answer.Citations, c => Assert.Contains(c.Label!, answer.Line));
    }

    [Theory]
    [InlineData("Kế hoạch nào quy định giá vàng?")]
    [InlineData("Văn bản nào nêu mục tiêu 100% xe buýt điện?")]
    [InlineData("Kế hoạch nào nêu mục tiêu 100% người dân có ô tô điện?")]
    [InlineData("ke hoach nao dat muc tieu 100% nguoi dan dung xe dap dien")]
    [InlineData("Kế hoạch nào đặt mục tiêu phủ sóng 7G?")]
    [InlineData("Văn bản nào giao Sở Du lịch chủ trì tổ chức lễ hội hoa?")]
    public async Task Nội_dung_không_kế_hoạch_nào_nêu_thì_từ_chối(string question)
    {
        var answer = await fixture.Ask(question);
        Assert.False(answer.Answered, answer.Line);
        Assert.Equal(AskKind.Plan, answer.Kind);
        Assert.Null(answer.Value);
        Assert.NotNull(answer.RefusalReason);
    }

    [Fact]
    public async Task Con_số_khác_với_con_số_kế_hoạch_nêu_thì_từ_chối_dù_các_từ_khác_trùng()
    {
        // Yên Hòa sets 95%: a plan that sets 96% is not in the corpus.
        var answer = await fixture.Ask("Kế hoạch nào đặt mục tiêu 96% hồ sơ được số hóa và cấp kết quả điện tử?");
        Assert.False(answer.Answered, answer.Line);
    }

    [Fact]
    public async Task Nơi_không_có_kế_hoạch_thì_nói_rõ_không_có_kế_hoạch_của_nơi_đó()
    {
        var answer = await fixture.Ask("Kế hoạch nào của tỉnh Nghệ An đặt mục tiêu 95% hồ sơ được số hóa?");
        Assert.False(answer.Answered, answer.Line);
        Assert.Contains("Nghệ An", answer.Line);
    }

    [Theory]
    [InlineData("Kế hoạch nào nêu: hạn của báo cáo 6 tháng là trước ngày 10/6?", AskKind.Plan)]
    [InlineData("xa nao giao phong van hoa xa hoi huong dan thuc hien ke hoach", AskKind.Plan)]
    [InlineData("Địa phương nào đề ra chỉ tiêu phủ sóng 5G?", AskKind.Plan)]
    [InlineData("Văn bản nào của Thủ tướng phê duyệt Đề án nâng cao năng lực đội ngũ giảng viên?", AskKind.DocumentRef)]
    [InlineData("Kế hoạch số mấy?", AskKind.DocumentRef)]
    [InlineData("Hai văn bản ban hành ngày nào, văn bản nào có trước?", AskKind.Date)]
    public void Hỏi_kế_hoạch_nào_nêu_là_hỏi_kế_hoạch_còn_văn_bản_nào_phê_duyệt_là_hỏi_số_hiệu(string question, AskKind kind) =>
        Assert.Equal(kind, fixture.Read(question).Primary);

    [Theory]
    [InlineData("Trong KH xã Yên Hòa, mục nào nêu: hạn của báo cáo 6 tháng là trước ngày 10/6?", "yen-hoa", "III.1")]
    [InlineData("Trong KH tỉnh Hưng Yên, mục nào quy định Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch?", "hung-yen", "V.3")]
    public async Task Hỏi_mục_nào_nêu_trong_một_kế_hoạch_thì_trả_lời_mục_có_câu_nêu_nội_dung_đó(string question, string plan, string section)
    {
        var answer = await fixture.Ask(question);
        Assert.True(answer.Answered, answer.Line);
        Assert.Equal(AskKind.Plan, answer.Kind);
        Assert.Equal($"{fixture.Get<SourceLabels>().Plan(plan)} › {section}.", answer.Line);
        Assert.Equal(plan, answer.Citations[0].Doc);
    }

    [Theory]
    [InlineData("Kế hoạch nào nêu: định kỳ 6 tháng báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/6 để tổng hợp?", "bac-giang")]
    [InlineData("Kế hoạch nào nêu: xây dựng kế hoạch triển khai thực hiện cụ thể các nhiệm vụ được giao, hoàn thành trong quý II/2025?", "hung-yen")]
    public async Task Ngày_hỏi_viết_gọn_vẫn_khớp_ngày_kế_hoạch_viết_đủ_hoặc_bị_OCR_đọc_sai(string question, string plan)
    {
        // The plans write "trước ngày 15 tháng 6" and, through the OCR, "quy 11/2025": the same dates as "15/6" and "quý II/2025".
        var answer = await fixture.Ask(question);
        Assert.True(answer.Answered, answer.Line);
        Assert.Equal(plan, answer.Citations[0].Doc);
    }

    [Theory]
    [InlineData("Trong KH tỉnh Hưng Yên, mục nào nêu: hạn của báo cáo hằng năm là trước ngày 25/11?", "hung-yen", "V.2")]
    [InlineData("Kế hoạch nào nêu: hạn của báo cáo định kỳ 6 tháng là trước ngày 5/6?", "hung-yen", "V.2")]
    public async Task Chữ_dẫn_tới_ngày_OCR_đọc_sai_không_làm_mất_câu_nêu_nội_dung(string question, string plan, string section)
    {
        // Hưng Yên's OCR writes "(trwdc ngay 05/6) và hing nam (truwéc ngay 25/11)": the day is what must match, not "trước ngày".
        var answer = await fixture.Ask(question);
        Assert.True(answer.Answered, answer.Line);
        Assert.Equal(plan, answer.Citations[0].Doc);
        Assert.Contains($" › {section}", answer.Line);
    }

    [Fact]
    public void Chữ_dẫn_tới_ngày_không_thuộc_chủ_đề_của_câu_hỏi_kế_hoạch_nào_còn_ngày_thì_có()
    {
        var subject = fixture.Read("Kế hoạch nào nêu: hạn của báo cáo hằng năm là trước ngày 25/11?").Subject;
        Assert.DoesNotContain("truoc", subject);
        Assert.DoesNotContain("ngay", subject);
        Assert.Contains("25", subject);
        // Only the which-plan ask checks its stated numbers on its own: elsewhere the words stay in the subject.
        Assert.Contains("ngay", fixture.Read("Việc gì phải hoàn thành trước ngày 25/11?").Subject);
    }

    [Fact]
    public async Task Ngày_khác_với_ngày_kế_hoạch_nêu_thì_vẫn_từ_chối()
    {
        var answer = await fixture.Ask("Trong KH tỉnh Hưng Yên, mục nào nêu: hạn của báo cáo hằng năm là trước ngày 20/11?");
        Assert.False(answer.Answered, answer.Line);
    }
}
