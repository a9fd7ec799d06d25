using KeHoach57.Answering.Selection;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval.Ranking;

namespace KeHoach57.Answering.Tests.Selection;

public class ClauseSelectorTests(AnsweringFixture fixture)
{
    private string Chosen(string question, string text)
    {
        // Clauses are kept by chunk id: each text its own chunk.
        var chunk = new Chunk($"yen-hoa/test-{(uint)text.GetHashCode()}", "yen-hoa", "I. Mục tiêu › 2. Mục tiêu cụ thể", text);
        var passage = new RankedPassage(chunk, 1, new PassageFeatures(1, 1, 0, 1));
        return fixture.Get<ClauseSelector>().Select(fixture.Read(question), [passage]).Best!.Primary.Display;
    }

    [Theory]
    [InlineData("Tỷ lệ người dân có chữ ký số là bao nhiêu?", "40%")]
    [InlineData("Bao nhiêu phần trăm người dân có tài khoản định danh điện tử?", "65%")]
    public void Hai_chỉ_tiêu_trong_một_câu_mỗi_số_đi_với_phần_nói_sau_nó(string question, string expected) =>
        Assert.Equal(expected, Chosen(question, "Sử dụng VNeID và chữ ký số: Đạt 65% người dân có tài khoản định danh điện tử (VNeID) và 40% người dân có chữ ký số."));

    [Theory]
    [InlineData("Tỷ lệ hồ sơ được số hóa đạt bao nhiêu?", "95%")]
    [InlineData("Tỷ lệ dịch vụ công trực tuyến toàn trình đạt bao nhiêu?", "90%")]
    public void Chỉ_tiêu_nêu_trước_con_số_thì_số_đi_với_phần_nói_trước_nó(string question, string expected) =>
        Assert.Equal(expected, Chosen(question, "Tỷ lệ dịch vụ công trực tuyến toàn trình đạt 90%, tỷ lệ hồ sơ được số hóa đạt 95%."));

    [Fact]
    public void Hỏi_ngày_nào_thì_một_đoạn_chữ_không_phải_câu_trả_lời()
    {
        // "ngày nào" is a weak cue only in that it may mean a deadline or a date: a clause with no date has no answer to it.
        var chunk = new Chunk("thai-nguyen/test-ngay", "thai-nguyen", "IV. Nhiệm vụ › 1.", "Thành lập Tổ giúp việc Ban Chỉ đạo tỉnh bảo đảm hiệu quả, thiết thực.");
        var selected = fixture.Get<ClauseSelector>().Select(fixture.Read("Tỉnh thành lập Ban Chỉ đạo ngày nào?"), [new RankedPassage(chunk, 1, new PassageFeatures(1, 1, 0, 1))]);
        Assert.Null(selected.Best);
    }

    [Fact]
    public void Hỏi_những_năm_nào_thì_danh_sách_các_mốc_năm_là_câu_trả_lời()
    {
        // The clause names no date the time readers see ("đến 2030" without "năm"): the years are the items of a list.
        var chosen = Chosen("Các mốc thời gian của tầm nhìn dài hạn được nêu trong kế hoạch là những năm nào?",
            "Xây dựng chiến lược có tầm nhìn dài hạn (đến 2030, 2035, 2040, 2045) trong phát triển khoa học, công nghệ.");
        Assert.Equal("đến 2030, 2035, 2040, 2045", chosen);
    }

    private static Choice Pair(string value, double score) =>
        AnsweringFixture.Choice(AnsweringFixture.Clause(value), AskKind.Frequency, value, score);

    [Fact]
    public void Giá_trị_chỉ_nhắc_lại_câu_trả_lời_đã_chọn_không_phải_đối_thủ_khi_tính_khoảng_cách()
    {
        // "6 tháng" says in fewer words what "định kỳ 6 tháng" says: the margin is over "hằng quý", the other answer.
        var selected = Selected.Pick([Pair("định kỳ 6 tháng", 3), Pair("6 tháng", 2.9), Pair("hằng quý", 1)], 3, c => c.Score);
        Assert.Equal("định kỳ 6 tháng", selected.Best!.Primary.Display);
        Assert.Equal("hằng quý", selected.RunnerUp!.Primary.Display);
    }

    [Fact]
    public void Giá_trị_nói_nhiều_hơn_câu_trả_lời_đã_chọn_vẫn_là_đối_thủ()
    {
        // The longer list may be the whole answer the chosen one is a part of: it stays the rival.
        var selected = Selected.Pick([Pair("Các sở, ban, ngành", 3), Pair("Các sở, ban, ngành, UBND cấp huyện", 2.9), Pair("Sở Tài chính", 1)], 3, c => c.Score);
        Assert.Equal("Các sở, ban, ngành, UBND cấp huyện", selected.RunnerUp!.Primary.Display);
    }
}
