using KeHoach57.Answering.Pipeline;

namespace KeHoach57.Answering.Tests.Understanding;

/// <summary>A plan's own number and date come from its header; what its text says does not.</summary>
public class PlanHeaderTests(AnsweringFixture fixture)
{
    private bool About(string question, string doc) =>
        fixture.Get<PlanHeader>().IsAbout(fixture.Read(question), fixture.Get<KeHoach57.Core.Documents.Corpus>().Find(doc)!, inScope: true);

    [Theory]
    [InlineData("Kế hoạch 44 ban hành ngày nào?", "hung-yen")]
    [InlineData("Quyết định này số mấy?", "truong-giang")]
    [InlineData("UBND xã Trường Giang ban hành kế hoạch hành động bằng quyết định số mấy?", "truong-giang")]
    // Two asks in one breath; the header's OCR writes "số" as "s6"; "ký" is the ask's own word, not the plan's.
    [InlineData("Kế hoạch này của xã số mấy, ký ngày nào vậy?", "yen-hoa")]
    [InlineData("Ke hoach nay so may, ky ngay nao vay?", "hung-yen")]
    // Named by its place, as "kế hoạch này" points at it.
    [InlineData("Kế hoạch của tỉnh Hưng Yên số mấy?", "hung-yen")]
    [InlineData("ke hoach cua Hung Yen ban hanh ngay nao", "hung-yen")]
    public void Hỏi_số_hiệu_ngày_ký_của_chính_văn_bản(string question, string doc) => Assert.True(About(question, doc));

    [Theory]
    [InlineData("Quyết định này bắt đầu có hiệu lực từ lúc nào?", "truong-giang")]
    [InlineData("KH 261 căn cứ nghị quyết số mấy của Quốc hội?", "thai-nguyen")]
    [InlineData("Kế hoạch này thực hiện những nghị quyết nào?", "hung-yen")]
    // Named by its number, the plan's number is what the asker already knows, whatever the other document is called.
    [InlineData("kế hoạch 261 của Thái Nguyên căn cứ nghị quyết quốc hội số mấy về thí điểm cơ chế đặc biệt?", "thai-nguyen")]
    [InlineData("Kế hoạch 44 số mấy?", "hung-yen")]
    // The place's plan cites another plan by its number: that one is asked about, not the plan of the place.
    [InlineData("Kế hoạch số 386-KH/TU của Ban Thường vụ Tỉnh ủy Hưng Yên được ban hành ngày nào?", "hung-yen")]
    [InlineData("Tỉnh Thái Nguyên thành lập Ban Chỉ đạo ngày nào?", "thai-nguyen")]
    public void Hỏi_điều_văn_bản_nói_thì_không_phải_phần_đầu(string question, string doc) => Assert.False(About(question, doc));

    [Fact]
    public async Task Phần_đầu_không_ghi_số_và_ngày_thì_từ_chối_không_lấy_ngày_của_văn_bản_được_trích()
    {
        var answer = await fixture.Ask("Kế hoạch này của xã số mấy, ký ngày nào vậy?", "yen-hoa");
        Assert.False(answer.Answered);
        Assert.DoesNotContain("19/6/2025", answer.Line);
    }

    [Fact]
    public async Task Kế_hoạch_gọi_bằng_tên_nơi_mà_phần_đầu_không_ghi_số_thì_nói_rõ_kế_hoạch_nào_không_ghi()
    {
        var answer = await fixture.Ask("Kế hoạch của xã Yên Hòa số mấy?", null);
        Assert.False(answer.Answered);
        Assert.StartsWith("KH xã Yên Hòa (bản đang có) không ghi số hiệu", answer.Line);
    }

    [Fact]
    public async Task Phần_đầu_ghi_số_và_ngày_thì_trả_lời_cả_hai()
    {
        var answer = await fixture.Ask("Kế hoạch này số mấy, ký ngày nào?", "hung-yen");
        Assert.True(answer.Answered);
        Assert.Contains("44/KH-UBND", answer.Line);
        Assert.Contains("3/3/2025", answer.Line);
    }
}
