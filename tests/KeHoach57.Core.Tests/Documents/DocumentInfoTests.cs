using KeHoach57.Core.Documents;

namespace KeHoach57.Core.Tests.Documents;

public class DocumentInfoTests
{
    [Fact]
    public void Tên_ngắn_gồm_loại_văn_bản_số_hiệu_và_cơ_quan_ban_hành() =>
        Assert.Equal("Kế hoạch 44/KH-UBND của Ủy ban nhân dân tỉnh Hưng Yên",
            new DocumentInfo("hung-yen", "Kế hoạch thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ", "Ủy ban nhân dân tỉnh Hưng Yên", "44/KH-UBND").ShortName);

    [Fact]
    public void Không_biết_cơ_quan_ban_hành_thì_dùng_nguyên_tiêu_đề() =>
        Assert.Equal("Kế hoạch X", new DocumentInfo("x", "Kế hoạch X").ShortName);
}
