using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests;

/// <summary>Section numbers as OCR gives them back from a scan: the sequence so far tells what a mangled label is.</summary>
public class NumberingTests
{
    private static List<string> Anchors(params string[] lines) =>
        PlanImporter.Import(string.Join('\n', lines) + "\n", "x", "x.txt").AllSections().Select(s => s.Anchor).ToList();

    /// <param name="labels">The numerals of sections I to IV or V as OCR read them.</param>
    [Theory]
    [InlineData("I. | II. | II. | IV.")]             // III. counted a stroke short (bac-giang's clean scan)
    [InlineData("I. | I1. | T111. | IV.")]           // III. a stroke long: it must not take IV.'s place
    [InlineData("I. | ii. | TH. | IV. | V,.")]       // II run together into H; a speck before the dot
    public void Số_La_Mã_OCR_đọc_sai_nét_vẫn_là_mục_kế_tiếp(string labels)
    {
        var numerals = labels.Split('|', StringSplitOptions.TrimEntries);
        var anchors = Anchors(numerals.SelectMany(n => new[] { n + " MUC TIEU", "Noi dung cua muc." }).ToArray());

        Assert.Equal(numerals.Select((_, i) => Numbering.ToRoman(i + 1).ToLowerInvariant()), anchors.Where(a => a != "mo-dau"));
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
