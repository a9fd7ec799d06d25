using KeHoach57.Core.Answers;
using KeHoach57.Training.Why;

namespace KeHoach57.Training.Tests;

public class WhyViewSpecs(TrainingFixture fixture)
{
    private static readonly string[] InternalNames =
        ["Deadline", "LeadUnit", "coverage", "missing_idf", "recognition", "margin", "year_fit", "kind_fact", "closeness", "Trace"];

    private Task<AnswerRecord> Ask(string question, string? scope = null) =>
        fixture.Assistant.AskAsync(new AskRequest(question, scope), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Câu_trả_lời_được_giải_thích_bằng_tiếng_Việt_dễ_hiểu_từ_cách_hiểu_đến_câu_được_chọn()
    {
        var answer = await Ask("Báo cáo 6 tháng của xã Yên Hòa gửi trước ngày nào?");
        Assert.True(answer.Answered);
        var text = string.Join("\n", WhyView.Lines(answer, fixture.Get<Answering.Composition.SourceLabels>().Plan));
        Assert.Contains("Hỏi về: thời hạn", text);
        Assert.Contains("Phạm vi tìm: chỉ KH xã Yên Hòa", text);
        Assert.DoesNotContain("yen-hoa", text);
        Assert.Contains("nhận ra nhờ các từ “", text);
        Assert.Contains("Phạm vi tìm", text);
        Assert.Contains("← đoạn được dùng", text);
        Assert.Contains("Câu trong văn bản: “", text);
        Assert.Contains("Giá trị đọc được từ câu này: " + answer.Value, text);
        Assert.Contains("các từ chính của câu hỏi", text);
        Assert.Contains("Độ tin cậy chung:", text);
        foreach (var name in InternalNames) Assert.DoesNotContain(name, text);
    }

    [Fact]
    public async Task Lời_từ_chối_nói_rõ_lý_do_và_điều_còn_thiếu()
    {
        var answer = await Ask("Số điện thoại của Sở Khoa học và Công nghệ tỉnh Bắc Giang là bao nhiêu?");
        Assert.False(answer.Answered);
        var sections = WhyView.Explain(answer);
        var refusal = Assert.Single(sections, s => s.Title == "Vì sao không trả lời");
        Assert.StartsWith("Không trả lời vì: ", refusal.Lines[0]);
        Assert.Contains(refusal.Lines, l => l.StartsWith("Còn thiếu: ") || l.StartsWith("Hãy đọc"));
        Assert.DoesNotContain(sections, s => s.Title == "Câu được chọn");
        foreach (var name in InternalNames) Assert.DoesNotContain(name, string.Join("\n", WhyView.Lines(answer)));
    }

    [Fact]
    public async Task Câu_hỏi_bị_từ_chối_trước_khi_tìm_thì_nói_lý_do_nhập()
    {
        var answer = await Ask("   ");
        var section = Assert.Single(WhyView.Explain(answer));
        Assert.Contains("Câu hỏi đang trống", section.Lines[0]);
    }
}
