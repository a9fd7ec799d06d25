using KeHoach57.Answering.Selection;

namespace KeHoach57.Answering.Tests.Selection;

public class SubjectMatchTests(AnsweringFixture fixture)
{
    private double Share(string question, string clause) =>
        fixture.Get<SubjectMatch>().Of(AnsweringFixture.Clause(clause), fixture.Read(question)).Share;

    [Fact]
    public void Từ_cùng_nghĩa_trong_bảng_thuật_ngữ_được_tính_là_câu_đã_nói()
    {
        const string question = "Tỷ lệ kết quả nghiên cứu được áp dụng vào thực tế là bao nhiêu?";
        var otherWords = Share(question, "Tỷ lệ kết quả nghiên cứu được ứng dụng vào thực tiễn đạt 70%.");
        var unrelated = Share(question, "Tỷ lệ kết quả nghiên cứu được nghiệm thu đạt 70%.");
        Assert.True(otherWords > unrelated, $"{otherWords} ≤ {unrelated}");
        // Nearly as said as in the question's own words (only the phrase across the two words, "cứu áp", is not said).
        Assert.True(otherWords >= 0.9 * Share(question, "Tỷ lệ kết quả nghiên cứu được áp dụng vào thực tế đạt 70%."));
    }

    [Fact]
    public void Từ_cùng_nghĩa_chỉ_che_các_chữ_câu_hỏi_viết_thành_từ_ấy()
    {
        // "thực tế" is said otherwise by "thực tiễn"; that says nothing of the "tiến" in "tiến độ".
        const string question = "Tiến độ đưa kết quả vào thực tế thế nào?";
        var saysProgress = Share(question, "Tiến độ đưa kết quả vào thực tiễn.");
        var lacksProgress = Share(question, "Thời hạn đưa kết quả vào thực tiễn.");
        Assert.True(saysProgress > lacksProgress, $"{saysProgress} ≤ {lacksProgress}");
    }

    [Fact]
    public void Chữ_chỉ_loại_giá_trị_được_hỏi_như_tỷ_lệ_không_bắt_câu_phải_nói()
    {
        const string question = "Tỷ lệ người dân có chữ ký số là bao nhiêu?";
        var facts = fixture.Read(question);
        Assert.Contains("ty", facts.Optional);
        var match = fixture.Get<SubjectMatch>();
        var withoutKind = match.Of("Đạt 40% người dân có chữ ký số.", facts);
        Assert.Equal(0, withoutKind.MissingIdf);
        // Nor the phrases it stands in ("tỷ lệ người"): everything else is said, so the subject is all said.
        Assert.Equal(1, withoutKind.Share, 3);
        // Said, the kind word still counts: the clause that says it is at least as near.
        Assert.True(match.Of("Tỷ lệ người dân có chữ ký số đạt 40%.", facts).Share >= withoutKind.Share);
        // A subject word proper is still missed.
        Assert.True(match.Of("Đạt 40% người dân có tài khoản.", facts).MissingIdf > 0);
    }

    [Fact]
    public void Vị_trí_chủ_đề_trong_một_câu_là_của_câu_hỏi_đang_hỏi_dù_câu_ấy_vừa_được_đọc_cho_câu_hỏi_khác()
    {
        // The matcher keeps in a clause where the last question's words stand in it: a question asked in turn must not read another's.
        const string text = "Sở Tài chính chủ trì bảo đảm kinh phí; Sở Y tế phối hợp triển khai hồ sơ sức khỏe điện tử.";
        var match = fixture.Get<SubjectMatch>();
        var money = fixture.Read("Ai bảo đảm kinh phí?");
        var health = fixture.Read("Hồ sơ sức khỏe điện tử do ai triển khai?");
        var shared = AnsweringFixture.Clause(text);

        var moneyFirst = match.Anchors(shared, money).ToList();
        var healthNext = match.Anchors(shared, health).ToList();
        var moneyAgain = match.Anchors(shared, money).ToList();

        Assert.Equal(match.Anchors(AnsweringFixture.Clause(text), money), moneyFirst);
        Assert.Equal(match.Anchors(AnsweringFixture.Clause(text), health), healthNext);
        Assert.Equal(moneyFirst, moneyAgain);
        // Each question's weightiest word stands in its own half of the clause.
        Assert.True(moneyFirst.MaxBy(a => a.Weight).Position < text.IndexOf(';'), string.Join(", ", moneyFirst));
        Assert.True(healthNext.MaxBy(a => a.Weight).Position > text.IndexOf(';'), string.Join(", ", healthNext));
    }

    [Fact]
    public void Câu_của_kế_hoạch_lỗi_phông_được_đọc_lại_thành_tiếng_Việt_khi_tìm_chủ_đề()
    {
        // Thái Nguyên's export dropped letters ("bố trí nhân sự" reads "b trI nhân s1,r"): what the clause says is
        // looked for in its reading back as well. A clean plan's text is taken as it stands, so the same letters say less there.
        const string question = "Văn phòng Tỉnh ủy bố trí nhân sự có trình độ cho phòng nào?";
        const string broken = "Văn phòng Tỉnh ủy b trI nhân s1,r có trInh d näng lirc cho Phông Chuyn di s - Co yu.";
        var facts = fixture.Read(question);
        var match = fixture.Get<SubjectMatch>();
        var readBack = match.Of(AnsweringFixture.Clause(broken, "V. Tổ chức thực hiện", doc: "thai-nguyen"), facts).Share;
        var asWritten = match.Of(AnsweringFixture.Clause(broken, "V. Tổ chức thực hiện", doc: "bac-giang"), facts).Share;
        Assert.True(readBack > asWritten, $"{readBack} ≤ {asWritten}");
    }
}
