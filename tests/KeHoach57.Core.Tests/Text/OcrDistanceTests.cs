using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Core.Tests.Text;

public class OcrDistanceTests
{
    private static readonly VietnameseAnalyzer Analyzer = new();

    [Fact]
    public void Cụm_từ_đứng_liền_nhau_từ_một_vị_trí_dù_OCR_viết_sai()
    {
        var tokens = Analyzer.Tokenize("Phong Kinh té chu tri, phdi hop voi cac phong");
        string[] words = ["phoi", "hop", "voi"];
        Assert.True(OcrDistance.SameWordsAt(words, 0, 3, tokens, 5));
        Assert.False(OcrDistance.SameWordsAt(words, 0, 3, tokens, 4));
        // Part of the words, from the middle: "hợp với" alone.
        Assert.True(OcrDistance.SameWordsAt(words, 1, 2, tokens, 6));
        // Past the last token is no match, not an error.
        Assert.False(OcrDistance.SameWordsAt(words, 0, 3, tokens, tokens.Count - 1));
    }

    [Fact]
    public void Bản_ghi_nhớ_cho_cùng_kết_quả_khi_câu_hỏi_sau_dùng_lại_từ_của_câu_trước()
    {
        // The memo keeps a word's readings across lists of words on a thread: a later question's list with the same word
        // at another place, or the same words in another list, must read each token as OcrDistance does.
        var tokens = Analyzer.Tokenize("Phong Kinh té chu tri, phdi hop voi cac phong, hop tac voi so");
        List<string>[] lists = [["phoi", "hop", "voi"], ["hop", "tac"], ["phoi", "hop", "voi"], ["voi", "phoi", "hop"]];
        foreach (var words in lists)
            foreach (var floor in (double[])[0, 0.45])
                for (var count = 1; count <= words.Count; count++)
                    for (var at = 0; at < tokens.Count; at++)
                        Assert.Equal(OcrDistance.SameWordsAt(words, words.Count - count, count, tokens, at, floor),
                            OcrWordMemo.SameWordsAt(words, words.Count - count, count, tokens, at, floor));
    }

    /// <summary>Whether a word typed clean is, by the OCR model, the word the plan printed: both read by the one analyzer.</summary>
    private static bool Same(string typed, string printed)
    {
        var word = Analyzer.Tokenize(typed, repair: false).Single().Term;
        var term = Analyzer.Tokenize(printed).Single().Term;
        return OcrDistance.SameWord(word, term);
    }

    [Theory]
    [InlineData("tiếp", "tip")]
    [InlineData("cận", "cn")]
    [InlineData("quyết", "quyt")]
    [InlineData("dịch", "djch")]
    [InlineData("nghị", "Nghj")]
    public void Phông_chữ_hỏng_bỏ_mất_nguyên_âm_có_dấu_vẫn_là_từ_đó(string typed, string printed) =>
        Assert.True(Same(typed, printed));

    [Theory]
    [InlineData("của", "ctia")]
    [InlineData("của", "ciia")]
    [InlineData("của", "cUa")]
    [InlineData("của", "cüa")]
    [InlineData("vụ", "v1i")]
    [InlineData("vụ", "v11")]
    [InlineData("mục", "m1ic")]
    [InlineData("dục", "diic")]
    [InlineData("trưởng", "trithng")]
    [InlineData("người", "ngithi")]
    [InlineData("cơ", "cci")]
    public void Chuỗi_chữ_in_thay_một_nguyên_âm_theo_bảng_nhầm_lẫn_vẫn_là_từ_đó(string typed, string printed) =>
        Assert.True(Same(typed, printed));

    [Theory]
    // Một phụ âm còn lại không đủ để biết là chữ nào: "t" có thể là tế, tư, tá…
    [InlineData("tế", "t")]
    [InlineData("số", "s")]
    // Từ hai chữ cái chỉ khớp qua nhầm lẫn rẻ của bảng, không qua một nguyên âm đổi hay mất.
    [InlineData("số", "sé")]
    [InlineData("vụ", "vi")]
    // "TW" của "57-NQ/TW" là chữ viết tắt, không phải "tư" in hỏng.
    [InlineData("tư", "TW")]
    // Phụ âm khác nhau là chữ khác nhau.
    [InlineData("cao", "cho")]
    [InlineData("của", "cha")]
    // "ti" ở đầu từ là chữ thật ("tin"), không phải "ư" in hỏng.
    [InlineData("ứng", "ting")]
    public void Không_khớp_những_gì_chỉ_giống_bề_ngoài(string typed, string printed) =>
        Assert.False(Same(typed, printed));

    [Fact]
    public void Mỗi_dòng_của_bảng_nhầm_lẫn_còn_thấy_được_trong_từ_đều_được_đọc_với_giá_của_nó()
    {
        var read = 0;
        foreach (var (source, letters, cost, where) in OcrChannel.DefaultRows)
        {
            if (where == "start" || !source.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9')) continue;
            // Inside a word that kept a vowel, after a consonant, as the analyzer repairs it: "1i" is met as "li".
            var term = Analyzer.NormalizeWord("b" + source + "a");
            if (term.Length != source.Length + 2 || !term.All(c => c is >= 'a' and <= 'z')) continue;
            var word = "b" + VietnameseText.Fold(letters) + "a";
            if (word == term) continue;
            Assert.True(OcrDistance.Between(word, term) <= cost + 1e-9, $"{source} → {letters}: {word} / {term} = {OcrDistance.Between(word, term)}");
            read++;
        }
        Assert.True(read >= 10, $"only {read} rows checked");
    }
}
