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
        // Said, the kind word still counts: the clause that says it is at least as near.
        Assert.True(match.Of("Tỷ lệ người dân có chữ ký số đạt 40%.", facts).Share >= withoutKind.Share);
        // A subject word proper is still missed.
        Assert.True(match.Of("Đạt 40% người dân có tài khoản.", facts).MissingIdf > 0);
    }
}
