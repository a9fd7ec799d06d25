using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Tests;

/// <summary>The vocabulary kept in the data folder answers as the one analyzed from the corpus, and only for that corpus.</summary>
public class VocabularyFileTests() : DataFolderTests("kehoach57-vocabulary-tests")
{
    private readonly VietnameseAnalyzer _analyzer = new();

    private static Corpus Corpus(string fingerprint, params string[] texts) => new(
        [new CorpusDocument(new DocumentInfo("yen-hoa", "x"), "", texts.Select((t, i) => new Chunk($"yen-hoa/p{i}", "yen-hoa", "Mục tiêu", t)).ToList())],
        fingerprint);

    private Vocabulary Open(Corpus corpus) => new(corpus, _analyzer, Options.Create(new IndexOptions { DataPath = Data }));

    private static readonly string[] Probes = ["nam", "bao", "cao", "truoc", "ngay", "bao_cao", "muc", "khong_co", "phong", "hoa", "xyz"];

    [Fact]
    public void Mở_lại_từ_tệp_cho_cùng_biến_thể_IDF_và_từ_có_trong_corpus()
    {
        var corpus = Corpus("v1", "bao cdo nim trudc ngay 30/11", "Phòng Văn hóa - Xã hội báo cáo năm", "phong van hoa bao cao hang nam");
        var analyzed = new Vocabulary(corpus, _analyzer);

        var written = Open(corpus);
        var reopened = Open(corpus);

        Assert.True(File.Exists(Path.Combine(Data, Vocabulary.FileName)));
        foreach (var vocabulary in new[] { written, reopened })
            foreach (var word in Probes)
            {
                Assert.Equal(analyzed.Contains(word), vocabulary.Contains(word));
                Assert.Equal(analyzed.Idf(word), vocabulary.Idf(word));
                Assert.Equal(analyzed.Variants(word), vocabulary.Variants(word));
            }
        Assert.Contains("nim", reopened.Variants("nam").Select(v => v.Word));
    }

    [Fact]
    public void Tệp_của_corpus_khác_hoặc_hỏng_thì_phân_tích_lại_không_dùng_nhầm()
    {
        Open(Corpus("v1", "bao cao nam"));
        var other = Corpus("v2", "phu song 5G toan xa");

        Assert.True(Open(other).Contains("song"));
        Assert.False(Open(other).Contains("bao"));

        File.WriteAllText(Path.Combine(Data, Vocabulary.FileName), "hỏng");
        Assert.True(Open(other).Contains("song"));
    }
}
