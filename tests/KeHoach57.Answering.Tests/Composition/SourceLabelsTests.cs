using KeHoach57.Answering.Composition;
using KeHoach57.Core.Documents;

namespace KeHoach57.Answering.Tests.Composition;

/// <summary>Sources are named short: the plan by kind and place, the passage by its section number.</summary>
public class SourceLabelsTests(AnsweringFixture fixture)
{
    private SourceLabels Labels => fixture.Get<SourceLabels>();

    [Theory]
    [InlineData("yen-hoa", "KH xã Yên Hòa")]
    [InlineData("thai-nguyen", "KHHĐ tỉnh Thái Nguyên")]
    [InlineData("truong-giang", "QĐ xã Trường Giang")]
    public void Kế_hoạch_gọi_bằng_loại_và_địa_phương(string doc, string label) => Assert.StartsWith(label, Labels.Plan(doc));

    [Theory]
    [InlineData("yen-hoa/iii-1", "III.1")]
    [InlineData("truong-giang/phu-luc-ii-r5", "Phụ lục II, dòng 5")]
    [InlineData("truong-giang/dieu-2", "Điều 2")]
    [InlineData("thai-nguyen/iii-2-1-e-p2", "III.2.1.e")]
    public void Đoạn_gọi_bằng_số_mục(string chunkId, string section)
    {
        var chunk = fixture.Get<Corpus>().Chunks.Single(c => c.Id == chunkId);
        Assert.EndsWith(section, Labels.Passage(chunk));
    }
}
