using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Core.Tests.Text.Restoration;

public class SyllableRestorerTests
{
    private static readonly SyllableRestorer Restorer = SyllableRestorer.Default;

    [Theory]
    // Bản OCR mất dấu (Yên Hòa, Hưng Yên, Trường Giang): chữ số thay nguyên âm, "ir" thay "ư", "P" thay "Đ".
    [InlineData("Nang cao nang lyc canh tranh ctia doanh nghiép", "Nâng cao năng lực cạnh tranh của doanh nghiệp")]
    [InlineData("chuyén d6i s6 trong cac co quan nha nudc", "chuyển đổi số trong các cơ quan nhà nước")]
    [InlineData("Uy ban nhan dan x3 x4y dung ké hoach", "Ủy ban nhân dân xã xây dựng kế hoạch")]
    [InlineData("Pay manh san xuat thong minh, thuong mai dién tir", "Đẩy mạnh sản xuất thông minh, thương mại điện tử")]
    [InlineData("can bg, cong chirc cép xa", "cán bộ, công chức cấp xã")]
    // Bản lỗi phông (Thái Nguyên): mất nguyên âm hai dấu, "&" thay "ơ", "." thay "ặ", "9" thay "ọ".
    [InlineData("Nghj quyt s 57-NQ/TW cüa B ChInh trj", "Nghị quyết số 57-NQ/TW của Bộ Chính trị")]
    [InlineData("dôi m&i sang tao và chuyên dôi so quôc gia", "đổi mới sáng tạo và chuyển đổi số quốc gia")]
    [InlineData("khoa h9c, cong ngh", "khoa học, công nghệ")]
    public void Đọc_lại_chữ_OCR_hỏng_thành_tiếng_Việt_đúng(string ocr, string expected) =>
        Assert.Equal(expected, Restorer.Restore(ocr));

    [Fact]
    public void Chữ_thứ_ba_được_đọc_theo_hai_chữ_trước_nó()
    {
        // After "dân" the clean text mostly has "tính"; after "nhân dân" only "tỉnh": a pair model alone would read "tính".
        // (A run of three seen once or twice is left to its pair: triples are sparse.)
        var model = new SyllableModelBuilder(new VietnameseAnalyzer())
            .AddSyllables(["tinh", "tình", "tính", "tỉnh", "dân", "nhân", "người"])
            .AddCorpusTexts([.. Enumerable.Repeat("nhân dân tỉnh", 6), .. Enumerable.Repeat("người dân tính", 18)])
            .Build();
        var restorer = new SyllableRestorer(model, OcrChannel.Default, new VietnameseAnalyzer(),
            RestorationOptions.Default with { MinConfidence = 0, MinLetterConfidence = 0, MinUnsupportedConfidence = 0 });
        Assert.Equal("nhân dân tỉnh", restorer.Restore("nhan dan tinh"));
        Assert.Equal("người dân tính", restorer.Restore("nguoi dan tinh"));
    }

    [Theory]
    [InlineData("KE HOACH HANH PONG", "KẾ HOẠCH HÀNH ĐỘNG")]
    [InlineData("QUYET PINH", "QUYẾT ĐỊNH")]
    [InlineData("Tang cuong hop tac", "Tăng cường hợp tác")]
    public void Giữ_chữ_hoa_như_bản_gốc(string ocr, string expected) =>
        Assert.Equal(expected, Restorer.Restore(ocr));

    [Theory]
    [InlineData("UBND xa, KH&CN, DTI, PII, 5G, IoT")]
    [InlineData("57-NQ/TW, 02-KH/BCDTW, 01-CTr/PU, 536/QP-UBND, 193/2025/QH15")]
    [InlineData("ngay 22/12/2024, 2021-2026, 100%, 15")]
    [InlineData("a) b) c)")]
    public void Không_đụng_tới_chữ_viết_tắt_số_và_số_hiệu_văn_bản(string text)
    {
        var restored = Restorer.Restore(text);
        foreach (var kept in new[] { "UBND", "KH&CN", "DTI", "PII", "5G", "IoT", "57-NQ/TW", "02-KH/BCDTW", "01-CTr/PU", "QP-UBND", "193/2025/QH15",
                     "22/12/2024", "2021-2026", "100%", "15", "a)", "b)", "c)" })
            if (text.Contains(kept)) Assert.Contains(kept, restored);
        Assert.Equal(text.Length - text.Count(char.IsLetter), restored.Length - restored.Count(char.IsLetter));
    }

    [Fact]
    public void Âm_tiết_không_chắc_chắn_thì_giữ_nguyên_như_bản_gốc()
    {
        // "dudng" alone may be đường, dưỡng, dương: no context says which, and a change of letters needs more certainty, so it stays.
        var alone = Restorer.Analyze("dudng");
        Assert.Equal("dudng", Assert.Single(alone).Restored);
        Assert.True(alone[0].Confidence < Restorer.Options.MinLetterConfidence);

        // "ndi sinh", "strc canh tranh": pairs the clean text never had. Each word is either right or left as the OCR printed it.
        var restored = Restorer.Analyze("Nang cao nang lyc ndi sinh va strc canh tranh ctia nén kinh té");
        var proper = "Nâng cao năng lực nội sinh và sức cạnh tranh của nền kinh tế".Split(' ');
        Assert.Equal(proper.Length, restored.Count);
        for (var i = 0; i < proper.Length; i++)
            Assert.True(restored[i].Restored == proper[i] || !restored[i].Changed, $"{restored[i].Source} → {restored[i].Restored}");

        // Across a whole plan paragraph: whatever changed was at least as sure as the threshold.
        var paragraph = "Thuc hién tdt cbng tac giam sat, ing ctiru su co cho toan hé thong ve an toan, an ninh mang. Ban hanh quy tic Ung x{r trén moi truong sd";
        foreach (var syllable in Restorer.Analyze(paragraph))
        {
            Assert.Equal(paragraph[syllable.Start..syllable.End], syllable.Source);
            if (syllable.Changed) Assert.True(syllable.Confidence >= Restorer.Options.MinConfidence, $"{syllable.Source} → {syllable.Restored} ({syllable.Confidence})");
        }
    }

    [Theory]
    // "cụ thể" must never become "có thể"; "từ" never "tư" (a quiz stem once read "GRDP tư kinh tế số").
    [InlineData("Nhiem vu cu the nhu sau", "Nhiệm vụ cụ thể như sau")]
    [InlineData("Xay dung ké hoach cu thé dé trién khai", "Xây dựng kế hoạch cụ thể để triển khai")]
    [InlineData("co thé ap dung ngay", "có thể áp dụng ngay")]
    [InlineData("tang truong GRDP tu kinh té s6", "tăng trưởng GRDP từ kinh tế số")]
    [InlineData("ty trong kinh te so trong GRDP tu kinh te so", "tỷ trọng kinh tế số trong GRDP từ kinh tế số")]
    public void Mỗi_chữ_hoặc_được_đọc_đúng_hoặc_để_nguyên_không_thành_chữ_khác(string ocr, string proper)
    {
        var restored = Restorer.Analyze(ocr);
        var words = proper.Split(' ');
        Assert.Equal(words.Length, restored.Count);
        for (var i = 0; i < words.Length; i++)
            Assert.True(restored[i].Restored == words[i] || !restored[i].Changed, $"{restored[i].Source} → {restored[i].Restored}, not {words[i]}");
    }

    [Fact]
    public void Ngưỡng_tin_cậy_cao_hơn_thì_thay_đổi_ít_hơn()
    {
        var text = "Xay dung co s¢ dir ligu vé nhan lyc, khuyen khich nguoi dan str dung dich vu s0";
        var cautious = Restorer.With(Restorer.Options with { MinConfidence = 1.01, MinLetterConfidence = 1.01 });
        Assert.Equal(text, cautious.Restore(text));
        Assert.NotEqual(text, Restorer.Restore(text));
    }

    [Theory]
    [InlineData("Nhiem vu ii: xay dung ha tang")]
    [InlineData("muc iii va muc vii")]
    public void Số_La_Mã_đánh_số_mục_thì_giữ_nguyên(string text)
    {
        var restored = Restorer.Analyze(text);
        foreach (var numeral in restored.Where(s => s.Source is "ii" or "iii" or "vii"))
            Assert.False(numeral.Changed, $"{numeral.Source} → {numeral.Restored}");
    }

    [Fact]
    public void Từ_lạ_không_có_trong_từ_điển_thì_giữ_nguyên() =>
        Assert.Equal("sandbox, infographic, video, logistics", Restorer.Restore("sandbox, infographic, video, logistics"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ... ///")]
    [InlineData("\u0000\u0001 \uFFFD \uD83D\uDE00 ]]] {#iii}")]
    public void Đầu_vào_rỗng_hoặc_lạ_không_làm_hỏng(string text) =>
        Assert.Equal(text.Length, Restorer.Restore(text).Length);

    [Fact]
    public void Văn_bản_rất_dài_vẫn_khôi_phục_được()
    {
        var text = string.Join(" ", Enumerable.Repeat("chuyén d6i s6 va ddi méi sang tao;", 2000));
        var restored = Restorer.Restore(text);
        Assert.StartsWith("chuyển đổi số và đổi mới sáng tạo;", restored);
        Assert.Equal(text.Length, restored.Length);
    }

    [Fact]
    public void Nhiều_luồng_cùng_khôi_phục_cho_cùng_kết_quả()
    {
        var text = "Chuyén dbi s trong quan ly, chi dao, diéu hanh ctia hé théng chinh tri";
        var fresh = new SyllableRestorer(SyllableModel.Default, OcrChannel.Default, new VietnameseAnalyzer());
        var expected = Restorer.Restore(text);
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = fresh.Restore(text));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Tệp_dữ_liệu_có_giấy_phép_MIT_của_danh_sách_từ_và_từ_điển_đi_kèm()
    {
        var folder = Path.Combine(RepositoryPaths.FindRoot()!, "src", "KeHoach57.Core", "Text", "Restoration");
        Assert.True(File.Exists(Path.Combine(folder, "syllables.tsv.gz")));
        var licence = File.ReadAllText(Path.Combine(folder, "LICENSE-cspell-dict-vi-vn.txt"));
        Assert.Contains("The MIT License", licence);
        Assert.Contains("Street Side Software", licence);
        var dictionary = File.ReadAllText(Path.Combine(folder, "LICENSE-vntk-dictionary.txt"));
        Assert.Contains("MIT License", dictionary);
        Assert.Contains("VNTK", dictionary);
        Assert.True(SyllableModel.Default.WordList.Count() > 6000);
        Assert.Contains("quyết", SyllableModel.Default.WordList);
    }

    [Fact]
    public void Hai_cách_đặt_dấu_thanh_là_một()
    {
        Assert.Equal("hóa", VietnameseText.NormalizeTonePlacement("hoá"));
        Assert.Equal("Thủy", VietnameseText.NormalizeTonePlacement("Thuỷ"));
        Assert.Equal("quý", VietnameseText.NormalizeTonePlacement("quý"));
        Assert.Equal("hoạch", VietnameseText.NormalizeTonePlacement("hoạch"));
        Assert.Equal("khỏe", VietnameseText.NormalizeTonePlacement("khoẻ"));
    }
}
