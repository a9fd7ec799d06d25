using KeHoach57.Core.Text;
using KeHoach57.Training.Quizzes;

namespace KeHoach57.Training.Tests;

/// <summary>
/// How the fact sources read the plans: their cue words come from facts.tsv (checked when it loads), stems are built
/// from words a trainee can read, and a stem names its subject precisely enough that only the cited value answers it.
/// </summary>
public class FactSourceSpecs(TrainingFixture fixture)
{
    private IReadOnlyList<QuizItem> Items => fixture.Items;

    [Fact]
    public void Tệp_facts_tsv_có_đủ_các_danh_sách_nguồn_dữ_kiện_cần()
    {
        var cues = FactCues.Default;
        foreach (var list in FactCues.Lists) Assert.NotEmpty(cues.Pattern(list));
        Assert.Same(cues, fixture.Get<FactCues>());
    }

    [Theory]
    [InlineData("due\ttrước ngày\nbogus\tchữ", "facts.tsv:2", "unknown list")]
    [InlineData("due\t\t", "facts.tsv:1", "empty phrase")]
    [InlineData("due\ttrước (ngày)", "facts.tsv:1", "write words")]
    [InlineData("due\ttrước ngày\ndue\tTRƯỚC NGÀY", "facts.tsv:2", "duplicate")]
    [InlineData("due\ttrước ngày", "facts.tsv", "has no phrase")]
    public void Dòng_sai_trong_facts_tsv_dừng_khởi_động_và_nêu_dòng_đó(string tsv, string where, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => new FactCues(tsv));
        Assert.Contains(where, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Cụm_từ_đọc_dấu_thăng_là_số_và_gạch_chéo_là_cách_viết_khác_của_một_chữ()
    {
        var tsv = string.Join('\n', FactCues.Lists.Select(l => l == "period" ? "period\thằng/hing năm/nim\nperiod\t# tháng" : $"{l}\tx"));
        var period = new FactCues(tsv).Build("^{period}$");
        Assert.Matches(period, "hing nim");
        Assert.Matches(period, "hang nam");
        Assert.Matches(period, "6 thang");
        Assert.DoesNotMatch(period, "thang");
        Assert.DoesNotMatch(period, "hang namh");
    }

    [Theory]
    [InlineData("báo cáo hing năm", "báo cáo hằng năm")]
    [InlineData("báo cáo nim", "báo cáo năm")]
    [InlineData("Hing tháng báo cáo", "Hằng tháng báo cáo")]
    [InlineData("báo cáo 6 nim một lần", "báo cáo 6 năm một lần")]
    [InlineData("báo cáo hàng năm", "báo cáo hàng năm")]
    [InlineData("chính phủ số của Việt Nam", "chính phủ số của Việt Nam")]
    public void Kỳ_báo_cáo_OCR_đọc_sai_được_viết_lại_đúng_chính_tả_trong_câu_hỏi(string shown, string spelled)
    {
        var tsv = string.Join('\n', FactCues.Lists.Select(l => l == "period" ? "period\thằng/hàng/hing năm/nim\nperiod\thằng/hàng/hing tháng\nperiod\t# năm/nim\nperiod\tnăm/nim" : $"{l}\tx"));
        Assert.Equal(spelled, new FactCues(tsv).Spell("period", shown));
    }

    [Theory]
    [InlineData("người dân có tài khoản định danh điện tử (VNeID)", true)]
    [InlineData("phủ sóng 5G theo Nghị quyết số 57-NQ/TW", true)]
    [InlineData("hồ sơ thủ tục hành chính xir 1 trực tuyến", false)]
    [InlineData("chủ trì, phối hợp v4i các sở, ban, ngành, địa phương theo dõi, đôn đốc việc triển khai", true)]
    [InlineData("chỉ đạo xi:r 1 kjp thii nhüng sai sót", false)]
    [InlineData("doanh nghiệp nhO và vừa", false)]
    [InlineData("đảng ủy, chính quyền xã, phường sử dụng ph", false)]
    [InlineData("dịch vi,i công trực tuyến toàn trình trên ứng s thủ tục hành chính có đủ điều kiện", false)]
    public void Chữ_hiện_cho_học_viên_chỉ_được_có_một_chữ_vỡ_và_không_dừng_ở_chữ_vỡ(string shown, bool readable) =>
        Assert.Equal(readable, FactContext.Readable(shown));

    [Fact]
    public void Câu_hỏi_đơn_vị_chủ_trì_không_nêu_các_đơn_vị_phối_hợp()
    {
        // "Sở Tài chính chủ trì, phối hợp với các sở, ngành, địa phương bảo đảm nguồn kinh phí…": the task is "bảo đảm nguồn
        // kinh phí"; naming the partners would put other units, which a trainee could pick, into a "which unit" stem.
        var leadUnits = Items.Where(i => i.FactKind == QuizKind.LeadUnit).ToList();
        Assert.NotEmpty(leadUnits);
        Assert.DoesNotContain(leadUnits, i => Fold(i.Stem).Contains("phoi hop voi"));
        Assert.Contains(leadUnits, i => i is { PlanId: "bac-giang", Level: QuizLevel.Recall, Answer: "Sở Tài chính" }
                                        && i.Stem.Contains("chủ trì bảo đảm nguồn kinh phí"));
    }

    [Fact]
    public void Việc_dưới_tiêu_đề_đơn_vị_là_một_mục_không_phải_một_mảnh_danh_sách_của_mục()
    {
        // Thái Nguyên V.5 "Trách nhiệm của UBND tỉnh": "… xây dựng các đề án về: Phát triển hạ tầng số; …; chuyển đổi số
        // cho doanh nghiệp, nông nghiệp…" — the pieces after the colon are what the projects are about, not UBND tỉnh's tasks.
        Assert.DoesNotContain(Items, i => i.FactKind == QuizKind.LeadUnit && Fold(i.Stem).Contains("chuyen doi so cho doanh nghiep"));
    }

    [Fact]
    public void Chỉ_tiêu_tính_theo_một_đại_lượng_thì_câu_hỏi_hỏi_theo_đại_lượng_đó()
    {
        // "Kinh tế số đạt 45% GRDP": the question asks "bao nhiêu % GRDP", not a bare "bao nhiêu".
        var grdp = Items.Where(i => i is { FactKind: QuizKind.Target, Level: QuizLevel.Recall }
                                    && Fold(i.Citation.Quote).Replace(" ", "").Contains(Fold(i.FactValue).Replace(" ", "") + "grdp")).ToList();
        Assert.NotEmpty(grdp);
        Assert.All(grdp, i => Assert.EndsWith("bao nhiêu % GRDP?", i.Stem));
    }

    [Fact]
    public void Câu_so_sánh_chỉ_ghép_hai_chỉ_tiêu_cùng_đối_tượng()
    {
        // "phủ sóng 5G" and "phủ sóng 6G" share most of their words but are two indicators.
        foreach (var item in Items.Where(i => i is { Level: QuizLevel.Compare, Kind: QuizKind.Target }))
        {
            var codes = System.Text.RegularExpressions.Regex.Matches(item.Stem, @"\b\d+G\b").Select(m => m.Value).Distinct().ToList();
            Assert.True(codes.Count <= 1, $"{item.Id}: {item.Stem}");
        }
    }

    [Fact]
    public void Thời_hạn_của_một_việc_nêu_ở_câu_trước_được_trích_cùng_với_việc_đó()
    {
        // Hưng Yên V.1.a "Xây dựng kế hoạch triển khai …; hoàn thành trong quý II/2025": the quote shows the task and its date.
        var item = Assert.Single(Items, i => i is { PlanId: "hung-yen", Kind: QuizKind.Deadline, Level: QuizLevel.Recall } && i.FactValue == "quý II/2025");
        Assert.StartsWith("xay dung ke hoach", Fold(item.Citation.Quote));
        Assert.Contains("hoan thanh trong quy", Fold(item.Citation.Quote));
    }

    [Fact]
    public void Kế_hoạch_có_dòng_bảng_chỉ_tiêu_cùng_con_số_không_làm_phương_án_nhiễu_của_câu_kế_hoạch_nào()
    {
        // Trường Giang's Phụ lục I row "Tỷ lệ dữ liệu … được tích hợp trên nền tảng chia sẻ LGSP | % | =60 =80 100 100 100"
        // sets 100% as Thái Nguyên does: the "%" stands in its own cell, so its figures are percentages all the same.
        var truongGiang = fixture.Get<Answering.Composition.SourceLabels>().Plan("truong-giang");
        var lgsp = Items.Where(i => i is { Kind: QuizKind.Plan, PlanId: "thai-nguyen", FactValue: "100%" } && i.Stem.Contains("LGSP")).ToList();
        Assert.NotEmpty(lgsp);
        Assert.All(lgsp, i => Assert.DoesNotContain(truongGiang, i.Options));
    }

    [Theory]
    [InlineData("30% doanh nghiệp của tỉnh si:r dụng nền tảng số; 40% …", 3, "doanh nghiệp của tỉnh si:r dụng nền tảng số")]
    [InlineData("100% xã sử dụng ph.n mềm quản trị. Còn lại", 4, "xã sử dụng ph.n mềm quản trị")]
    [InlineData("đạt 90%: dịch vụ công", 7, "")]
    public void Dấu_OCR_chèn_giữa_hai_chữ_của_một_từ_không_cắt_chủ_đề(string text, int start, string subject) =>
        Assert.Equal(subject, FactText.SegmentAfter(text, start, text.Length, FactText.Stops).Trim());

    private static string Fold(string s) => VietnameseText.CollapseSpaces(VietnameseText.Fold(s));
}
