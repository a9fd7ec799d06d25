using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests;

/// <summary>Section numbers as OCR gives them back from a scan: the sequence so far tells what a mangled label is.</summary>
public class NumberingTests
{
    private static List<string> Anchors(params string[] lines) =>
        PlanImporter.Import(string.Join('\n', lines) + "\n", "x", "x.txt").AllSections().Select(s => s.Anchor).ToList();

    [Fact]
    public void Số_La_Mã_OCR_đếm_thiếu_một_nét_vẫn_là_mục_kế_tiếp()
    {
        var anchors = Anchors(
            "I. MỤC ĐÍCH, YÊU CẦU", "Nội dung mục một.",
            "II. NHIỆM VỤ", "Nội dung mục hai.",
            "II. KINH PHÍ THỰC HIỆN", "Kinh phí từ ngân sách nhà nước.",
            "IV. TỔ CHỨC THỰC HIỆN", "Các sở, ngành thực hiện.");

        Assert.Equal(["i", "ii", "iii", "iv"], anchors.Where(a => a != "mo-dau"));
    }

    [Fact]
    public void Số_La_Mã_OCR_đọc_thừa_một_nét_không_chiếm_chỗ_mục_sau()
    {
        var anchors = Anchors(
            "I. MUC DICH", "Noi dung.",
            "I1. CHI TIEU", "Noi dung.",
            "T111. NHIEM VU", "Noi dung.",
            "IV. KINH PHI", "Noi dung.");

        Assert.Equal(["i", "ii", "iii", "iv"], anchors.Where(a => a != "mo-dau"));
    }

    [Fact]
    public void Số_La_Mã_OCR_đọc_II_thành_H_hay_chấm_thành_phẩy_chấm_vẫn_nhận_ra()
    {
        var anchors = Anchors(
            "I. MUC DICH", "Noi dung.",
            "ii. YEU CAU", "Noi dung.",
            "TH. MIJC TIEU", "Noi dung.",
            "IV. NHIEM VU", "Noi dung.",
            "V,. TO CHUC THUC HIEN", "Noi dung.");

        Assert.Equal(["i", "ii", "iii", "iv", "v"], anchors.Where(a => a != "mo-dau"));
    }

    [Fact]
    public void Số_thường_không_bị_đọc_thành_số_La_Mã()
    {
        var anchors = Anchors("I. MỤC TIÊU", "1. Mục tiêu chung", "Nội dung.", "11. Không phải mục kế tiếp vì nhảy số.");

        Assert.Equal(["i", "i-1"], anchors.Where(a => a != "mo-dau"));
    }

    [Theory]
    [InlineData("€)")]
    [InlineData("‡)")]
    [InlineData("$)")]
    [InlineData("¢)")]
    public void Ký_hiệu_không_phải_chữ_ở_chỗ_chữ_cái_là_chữ_kế_tiếp(string label)
    {
        var anchors = Anchors(
            "1. Nhiệm vụ chung",
            "a) Tổ chức học tập, quán triệt nghị quyết.",
            "b) Người đứng đầu trực tiếp chỉ đạo.",
            label + " Bảo đảm an ninh mạng và chủ quyền số.",
            "d) Đẩy mạnh truyền thông.");

        Assert.Equal(["1", "1-a", "1-b", "1-c", "1-d"], anchors.Where(a => a != "mo-dau"));
    }

    [Fact]
    public void Ký_hiệu_ở_đầu_dòng_khi_không_có_danh_sách_chữ_cái_vẫn_là_đoạn_văn() =>
        Assert.DoesNotContain(Anchors("1. Nhiệm vụ chung", "Nội dung mở đầu.", "$) 500 triệu đồng cho năm 2025."), a => a.StartsWith("1-"));
}
