using KeHoach57.Answering.Asks;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Tests.Asks;

public class AskRegistryTests(AnsweringFixture fixture)
{
    [Fact]
    public void Mỗi_loại_câu_hỏi_có_đúng_một_bộ_đọc() =>
        Assert.All(Enum.GetValues<AskKind>(), k => Assert.Equal(k, fixture.Get<AskRegistry>().For(k).Kind));

    [Fact]
    public void Hai_bộ_đọc_cùng_loại_bị_từ_chối_lúc_khởi_động()
    {
        var all = fixture.Get<IEnumerable<IAskHandler>>().ToList();
        var error = Assert.Throws<InvalidOperationException>(() => new AskRegistry([.. all, all[0]]));
        Assert.Contains("Two ask handlers", error.Message);
    }
}
