using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Tests;

/// <summary>The build analyzes chunks over several cores: what it hands the index is still each chunk's own analysis, in corpus order.</summary>
public class CorpusIndexerTests() : DataFolderTests("kehoach57-indexer-tests")
{
    private static readonly string[] Texts =
    [
        "Phòng Văn hóa - Xã hội chủ trì, báo cáo UBND xã trước ngày 10/6 hằng năm.",
        "Ung dung KH&CN, DMST va CDS trong quan ly; hoan thanh thang 9/2025.",
        "Nghj quyt s 57-NQ/TW cüa B ChInh trj ve phat trien khoa hoc, cong nghe.",
        "Tỷ lệ hồ sơ được số hóa đạt 100% vào ngày 31 tháng 12 năm 2026.",
        "Tổ công nghệ số cộng đồng hướng dẫn người dân dùng VNeID, DVC trực tuyến.",
    ];

    [Fact]
    public async Task Mỗi_đoạn_mang_đúng_các_từ_bộ_phân_tích_cho_nó_theo_thứ_tự_corpus()
    {
        var analyzer = new VietnameseAnalyzer();
        var documents = Enumerable.Range(0, 40).Select(d =>
        {
            var id = $"xa-{d:D2}";
            var chunks = Enumerable.Range(0, 25)
                .Select(c => new Chunk($"{id}/p{c}", id, $"II.{c % 4 + 1} › Nhiệm vụ", Texts[(d + c) % Texts.Length] + $" Mục {c}.", Ordinal: c))
                .ToList();
            return new CorpusDocument(new DocumentInfo(id, $"Kế hoạch xã {d}"), "", chunks);
        }).ToList();
        var corpus = new Corpus(documents, "f");

        var build = await new CorpusIndexer(new EmbeddedIndex(Options.Create(new IndexOptions { DataPath = Data }), NullLogger<EmbeddedIndex>.Instance), analyzer, NullLogger<CorpusIndexer>.Instance)
            .CreateBuildAsync(corpus, TestContext.Current.CancellationToken);

        Assert.Equal(corpus.Chunks, build.Chunks.Select(c => c.Chunk));
        foreach (var indexed in build.Chunks)
            Assert.Equal(analyzer.Terms(CorpusIndexer.IndexedText(indexed.Chunk)), indexed.Terms);
    }
}
