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
    public void Hỏi_số_hiệu_ngày_ký_của_chính_văn_bản(string question, string doc) => Assert.True(About(question, doc));

    [Theory]
    [InlineData("Quyết định này bắt đầu có hiệu lực từ lúc nào?", "truong-giang")]
    [InlineData("KH 261 căn cứ nghị quyết số mấy của Quốc hội?", "thai-nguyen")]
    [InlineData("Kế hoạch này thực hiện những nghị quyết nào?", "hung-yen")]
    public void Hỏi_điều_văn_bản_nói_thì_không_phải_phần_đầu(string question, string doc) => Assert.False(About(question, doc));
}
