using KeHoach57.Answering.Selection;
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
}
