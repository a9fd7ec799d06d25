using KeHoach57.Core.Text;

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
}
