using KeHoach57.Core.Text;

namespace KeHoach57.Ingestion.Tests;

public class BoilerplateTests
{
    public static TheoryData<string> Documents => new(Seeds.Ids);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Không_đoạn_nào_chứa_nơi_nhận_quốc_hiệu_hay_chữ_ký(string id)
    {
        foreach (var chunk in Seeds.Chunks(id))
        {
            var folded = VietnameseText.Fold(chunk.Passage);
            Assert.DoesNotMatch(@"noi\s*nh\S{0,3}\s*:", folded);
            Assert.DoesNotContain("cong hoa xa ho", folded);
            Assert.DoesNotMatch(@"\btu do\s*-\s*hanh", folded);
            Assert.DoesNotMatch(@"\bluu\s*:?\s*vt", folded);
            Assert.DoesNotMatch(@"^\s*(tm|t/m|kt)\.", folded);
            foreach (var signer in new[] { "tran dai duong", "trjnh vit hung", "pho chu tich" })
                Assert.DoesNotContain(signer, folded);
        }
    }

    [Theory]
    [InlineData("truong-giang", "S6: 536/QP-UBND Truong Giang, ngay 10 thang 9 ndm 2025")]
    [InlineData("hung-yen", "Sb: 44 /KH-UBND Hung Yén, ngay 03 thang 3 ndam 2025")]
    [InlineData("thai-nguyen", "S 261-KHITU Thai Nguyen, ngày 22 tháng 5 nàm 2025")]
    public void Dòng_số_hiệu_và_ngày_ký_nằm_trong_đoạn_đầu(string id, string line)
    {
        var first = Seeds.Chunks(id)[0];
        Assert.Equal(0, first.Ordinal);
        Assert.Contains(line, first.Text);
    }

    [Theory]
    [InlineData("yen-hoa", "Trién khai phat trién khoa hoc, cong nghé, d6i méi sang tao va chuyén doi s0 quoc gia tai xa Yén Hoa 6 thang cuoi nam 2025")]
    [InlineData("bac-giang", "KẾ HOẠCH\nThực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025")]
    [InlineData("truong-giang", "Can cir Ludt Té chirc chinh quyén dia phwong ngay 19/02/2025;")]
    [InlineData("truong-giang", "Piéu 2.\nQuyét dinh nay co hiéu luc thi hanh ké tir ngay ky.")]
    [InlineData("truong-giang", "Piéu 3.\nChanh Vin phong HDND va UBND x&;")]
    [InlineData("yen-hoa", "Thuc hién Nghi quyét sé 57-NQ/TW, ngay 22/12/2024 ctia Bo Chinh trj,")]
    [InlineData("hung-yen", "Trién khai thuc hién Nghi quyét s6 03/NQ-CP ngay 09/01/2025 ctia Chinh phti")]
    public void Tiêu_đề_căn_cứ_và_các_điều_được_giữ(string id, string text) =>
        Assert.Contains(Seeds.Chunks(id), c => c.Text.Contains(text));
}
