using KeHoach57.Core.Text;

namespace KeHoach57.Core.Tests.Text;

public class DiacriticRestorerTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(RepositoryPaths.FindRoot()!, "corpus", "raw", "bac-giang.txt"));
    private static readonly DiacriticRestorer Restorer = new(new VietnameseAnalyzer(), [Reference]);

    [Theory]
    [InlineData("doanh nghiép nho va vira, hop tac x4, ho kinh doanh", "doanh nghiệp nhỏ và vừa, hợp tác xã, hộ kinh doanh")]
    [InlineData("bao céo két qua vé S Khoa hoc va Cong nghé", "báo cáo kết quả về Sở Khoa học và Công nghệ")]
    [InlineData("phuong tién sd, ky nang sb va tai khoan s6", "phương tiện số, kỹ năng số và tài khoản số")]
    [InlineData("chuyén dbi sd", "chuyển đổi số")]
    public void Đọc_lại_chữ_OCR_mất_dấu_thành_chữ_có_dấu(string ocr, string expected) =>
        Assert.Equal(expected, Restorer.Restore(ocr));

    [Fact]
    public void Đầu_câu_không_có_gì_đứng_trước_thì_chữ_chưa_chắc_được_để_nguyên()
    {
        // "Ung dung" opening a clause may be "ứng dụng" or "ung dung" (itself a word): the posterior (0.70) is below the gate,
        // so the two words stay as the OCR printed them, while the rest of the clause is read.
        Assert.Equal("Ung dung trong quản lý môi trường", Restorer.Restore("Ung dung trong quan ly mdi trudng"));
        Assert.Equal("Tăng cường ứng dụng trong quản lý môi trường", Restorer.Restore("Tang cuong ung dung trong quan ly mdi trudng"));
    }

    [Fact]
    public void Chữ_không_có_cách_đọc_nào_gần_thì_giữ_nguyên()
    {
        Assert.Equal("VNelD 2025 ??lt", Restorer.Restore("VNelD 2025 ??lt"));
    }

    [Fact]
    public void Chữ_viết_tắt_in_hoa_giữ_nguyên() =>
        Assert.Equal("Trung tâm giám sát, điều hành thông minh (IOC)", Restorer.Restore("Trung tam giam sat, dieu hanh thong minh (IOC)"));

    [Fact]
    public void Nhận_ra_văn_bản_sạch_và_văn_bản_OCR_mất_dấu()
    {
        Assert.True(DiacriticRestorer.IsClean(Reference));
        Assert.False(DiacriticRestorer.IsClean("Uy ban nhan dan x3 x4y dung ké hoach trién khai phat trién khoa hoc"));
    }

    /// <summary>The definition: share of words with a letter whose fold differs from their lower case (not the German-looking OCR ones).</summary>
    private static bool CleanByDefinition(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).ToList();
        var marked = words.Count(w => VietnameseText.Fold(w) != w.ToLowerInvariant() && !w.Any(c => c is 'ü' or 'ä' or 'ö' or 'ë' or 'j'));
        return words.Count > 0 && (double)marked / words.Count >= 0.5;
    }

    [Fact]
    public void Nhận_ra_văn_bản_sạch_đúng_như_định_nghĩa_trên_mọi_kế_hoạch()
    {
        var raw = Path.Combine(RepositoryPaths.FindRoot()!, "corpus", "raw");
        var texts = Directory.GetFiles(raw, "*.txt").Select(File.ReadAllText)
            .Concat(["", "  \n ", "2025 - 30/11", "Đổi mới sáng tạo", "Doi moi sang tao", "Đổi moi", "Đổi mới x", "ĐỔI MỚI\tSÁNG\u00A0TẠO 57", "Müller dùng", "€ ¢ ké hoach"]);
        foreach (var text in texts)
            Assert.Equal(CleanByDefinition(text), DiacriticRestorer.IsClean(text));
    }
}
