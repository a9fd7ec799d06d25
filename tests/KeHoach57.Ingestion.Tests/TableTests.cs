using KeHoach57.Core.Documents;

namespace KeHoach57.Ingestion.Tests;

public class TableTests
{
    private static Chunk Row(string anchor) => Seeds.Chunks("truong-giang").Single(c => c.Id == "truong-giang/" + anchor);

    [Fact]
    public void Dòng_VNeID_cùng_đơn_vị_theo_dõi_Công_an_là_một_đoạn_có_tiêu_đề_bảng()
    {
        var row = Row("phu-luc-i-r13");
        Assert.Equal(ChunkKind.TableRow, row.Kind);
        Assert.Contains("13| mitrc 2, cai dat va sit dung ¢ng dung VNelD", row.Text);
        Assert.Contains("Cong an", row.Text);
        Assert.Contains("DANH MUC CAC CHI TIEU CU THE", row.Context);
        Assert.Contains("STT Tén chi tidu Pon vi", row.Context);
        Assert.StartsWith(row.Context + "\n", row.Passage);
    }

    [Fact]
    public void Dòng_5G_9_2_giữ_các_chỉ_tiêu_theo_năm()
    {
        var row = Row("phu-luc-i-r9-2");
        Assert.Contains("Ty I¢ phu séng 5G cho nguoi dan % dan so >50 100 100 100 100", row.Text);
        Assert.DoesNotContain("6G", row.Text);
    }

    [Fact]
    public void Dòng_con_mang_theo_dòng_nhóm_của_nó()
    {
        Assert.Contains("Xép hang chuyén doi so cap xa (DTI)", Row("phu-luc-i-r2-1").Context);
        Assert.Contains("Ty 1€ da£1 S0 truong t[lanh", Row("phu-luc-i-r2-3").Text);
        Assert.DoesNotContain("(DTI)", Row("phu-luc-i-r3-1").Context);
    }

    [Fact]
    public void Dòng_có_tên_chỉ_tiêu_ở_dòng_trên_số_thứ_tự_không_bị_tách()
    {
        Assert.StartsWith("Ty I¢ cac co quan nha nudc thuc hién chi dao, 3.6 |", Row("phu-luc-i-r3-6").Text);
        Assert.StartsWith("Ty Ié doanh nghiép sir dung két qua nghién cuu", Row("phu-luc-i-r1-2").Text);
        Assert.EndsWith("Ky nang so can ban Xa hoi", Row("phu-luc-i-r2-1").Text);
    }

    [Fact]
    public void Phụ_lục_II_có_tiêu_đề_cột_và_nhóm_nhiệm_vụ()
    {
        var row = Row("phu-luc-ii-r5");
        Assert.Contains("TT | Tén nhiém vu | Co quan chu tri | Co quan phdi hop | Két qua | Thoi gian hoan thanh", row.Context);
        Assert.Contains("Nhém cic nhiém vu", row.Context);
        Assert.Contains("tai liéu, két qua gidi quyét thu tuc hanh chinh trong cac | nganh, don vi | Phuc vu HCC |", row.Text);
        Assert.DoesNotContain("Co'quan phoi", row.Text);
        Assert.Equal(ChunkKind.TableRow, Row("phu-luc-ii-g1").Kind);
    }

    [Fact]
    public void Mỗi_chỉ_tiêu_của_phụ_lục_I_là_một_đoạn()
    {
        var rows = Seeds.Chunks("truong-giang").Where(c => c.Id.Contains("/phu-luc-i-r")).Select(c => c.Anchor).ToList();
        string[] expected = ["r1", "r1-1", "r1-2", "r1-3", "r1-4", "r2", "r2-1", "r2-2", "r2-3", "r2-4", "r2-5", "r3", "r3-1", "r3-7",
            "r4-2", "r5", "r6", "r7", "r8", "r9-1", "r9-3", "r10", "r16"];
        foreach (var anchor in expected) Assert.Contains("phu-luc-i-" + anchor, rows);
    }
}
