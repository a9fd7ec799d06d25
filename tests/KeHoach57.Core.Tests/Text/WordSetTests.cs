using KeHoach57.Core.Text;

namespace KeHoach57.Core.Tests.Text;

public class WordSetTests
{
    private static readonly VietnameseAnalyzer Analyzer = new();

    private static string[] Terms(string text) =>
        Analyzer.Tokenize(text).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Mỗi_từ_của_đoạn_văn_được_tìm_thấy_đúng_chỗ_của_nó()
    {
        var terms = Terms("Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành tổng hợp báo cáo");
        var set = new WordSet(terms);
        Assert.Equal(terms.Length, set.Count);
        for (var k = 0; k < terms.Length; k++)
        {
            Assert.Equal(terms[k], set[k]);
            Assert.Equal(WordSet.Hash(terms[k]), set.HashAt(k));
            Assert.Equal(k, set.IndexOf(terms[k], WordSet.Hash(terms[k])));
        }
    }

    [Fact]
    public void Từ_không_có_trong_đoạn_hoặc_chỉ_gần_giống_thì_không_được_tìm_thấy()
    {
        var set = new WordSet(Terms("Phòng Văn hóa - Xã hội theo dõi chỉ số DTI"));
        // Words are folded ("chỉ" and "chi" are one), but a near spelling is another word here: the matcher reads those as
        // forms of the question's words.
        Assert.True(new WordSet(Terms("chỉ số")).IndexOf("chi", WordSet.Hash("chi")) >= 0);
        foreach (var other in Terms("báo cáo phdi hop kinh phi"))
            Assert.Equal(-1, set.IndexOf(other, WordSet.Hash(other)));
        Assert.Equal(-1, new WordSet([]).IndexOf("xa", WordSet.Hash("xa")));
    }

    [Fact]
    public void Bảng_nhiều_từ_vẫn_tìm_đúng_từng_từ()
    {
        // Many words, so probes run past taken slots.
        var terms = Enumerable.Range(0, 2_000).Select(i => $"tu{i}").ToArray();
        var set = new WordSet(terms);
        for (var k = 0; k < terms.Length; k++) Assert.Equal(k, set.IndexOf(terms[k], WordSet.Hash(terms[k])));
        Assert.Equal(-1, set.IndexOf("tu2000", WordSet.Hash("tu2000")));
    }
}
