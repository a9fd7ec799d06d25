using System.Text.RegularExpressions;
using KeHoach57.Core.Documents;
using KeHoach57.Ingestion.Chunking;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Tests;

public class ChunkerTests
{
    private static readonly ChunkingOptions Options = new() { MaxChars = 400, MinChars = 100 };

    private static string Sentences(string topic, int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"Câu {i} về {topic} nói đủ dài để có nghĩa riêng của nó."));

    private static PlanSection Section(string heading, string anchor, int level, params Block[] blocks)
    {
        var section = new PlanSection(heading, anchor, level);
        section.Blocks.AddRange(blocks);
        return section;
    }

    private static IReadOnlyList<Chunk> Cut(ChunkingOptions options, params PlanSection[] sections) =>
        new Chunker(options).Chunk(new PlanDocument(new DocumentInfo("kh", "Kế hoạch"), sections));

    [Fact]
    public void Mục_dài_được_tách_ở_ranh_giới_câu()
    {
        var text = Sentences("hạ tầng số", 20);
        var chunks = Cut(Options, Section("1. Hạ tầng", "i-1", 3, new Paragraph(text)));

        Assert.True(chunks.Count >= 3);
        Assert.Equal(["kh/i-1", "kh/i-1-p2", "kh/i-1-p3"], chunks.Take(3).Select(c => c.Id));
        Assert.All(chunks, c => Assert.True(c.Text.Length <= Options.MaxChars + Options.MinChars, c.Text));
        Assert.All(chunks, c => Assert.EndsWith(".", c.Text));
        Assert.All(chunks, c => Assert.Equal("1. Hạ tầng", c.Section));
        Assert.StartsWith("1. Hạ tầng\n", chunks[0].Text);
        Assert.Equal(Seeds.Tokens("1. Hạ tầng " + text), chunks.SelectMany(c => Seeds.Tokens(c.Text)));
    }

    [Fact]
    public void Mục_nhỏ_gộp_với_mục_anh_em_không_gộp_sang_mục_khác()
    {
        var parent = Section("1. Tuyên truyền", "i-1", 3);
        parent.Children.Add(Section("a)", "i-1-a", 4, new Paragraph("Tổ chức hội nghị.")));
        parent.Children.Add(Section("b)", "i-1-b", 4, new Paragraph("Phát hành tài liệu.")));
        parent.Children.Add(Section("c)", "i-1-c", 4, new Paragraph(Sentences("truyền thông", 4))));
        var other = Section("2. Đào tạo", "i-2", 3, new Paragraph("Bồi dưỡng kỹ năng số."));

        var chunks = Cut(Options, parent, other);

        Assert.Equal(["kh/i-1-a", "kh/i-2"], chunks.Select(c => c.Id));
        Assert.Equal("1. Tuyên truyền\na)\nTổ chức hội nghị.\nb)\nPhát hành tài liệu.\nc)\n" + Sentences("truyền thông", 4), chunks[0].Text);
        Assert.Equal("1. Tuyên truyền › a)", chunks[0].Section);
        Assert.Equal("2. Đào tạo\nBồi dưỡng kỹ năng số.", chunks[^1].Text);
        Assert.Equal([0, 1], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Đề_mục_không_có_lời_mở_đầu_đoạn_của_mục_con_đầu_tiên()
    {
        var chunks = Seeds.Chunks("thai-nguyen");
        var target = chunks.Single(c => c.Id == "thai-nguyen/iii-2-5-a");
        Assert.StartsWith("2.5. DIn hIt nãm 2045\na,) Phát triln hg tcng\n- T l phü song 6G trén dja bàn dat  100%.", target.Text);
        Assert.DoesNotContain(chunks, c => c.Id != "thai-nguyen/iii-2-5-a" && c.Text.Contains("2.5. DIn hIt nãm 2045"));
    }

    [Fact]
    public void Ý_con_dấu_cộng_đi_cùng_ý_cha_khi_tách()
    {
        var items = new List<Block> { new ListItem('-', Sentences("mở đầu", 5)), new ListItem('-', "Xây dựng văn hóa số:") };
        items.AddRange(Enumerable.Range(1, 3).Select(i => new ListItem('+', $"Việc {i} cần làm trong năm.")));
        var chunks = Cut(Options, Section("2. Văn hóa số", "ii-2", 3, [.. items]));

        var part = Assert.Single(chunks, c => c.Text.Contains("- Xây dựng văn hóa số:"));
        Assert.Contains("+ Việc 1 cần làm trong năm.\n+ Việc 2 cần làm trong năm.\n+ Việc 3", part.Text);
    }

    [Fact]
    public void Cửa_sổ_cố_định_khi_tắt_cắt_theo_cấu_trúc()
    {
        var windows = new ChunkingOptions { StructureAware = false, WindowChars = 500 };
        var chunks = new Chunker(windows).Chunk(Seeds.Document("yen-hoa"));

        Assert.Equal("yen-hoa/w1", chunks[0].Id);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 500));
        Assert.True(chunks.Count > 20);
        Assert.Contains(chunks, c => c.Section.StartsWith("II1. T6 chirc thye hién", StringComparison.Ordinal));
        // Same words as the structured chunks, plus the headings that are only a breadcrumb there.
        var windowed = Seeds.Tokens(string.Join(' ', chunks.Select(c => c.Text)));
        var structured = Seeds.Tokens(string.Join(' ', Seeds.Chunks("yen-hoa").Select(c => c.Text)));
        Assert.Subset(windowed.ToHashSet(), structured.ToHashSet());
        Assert.InRange(windowed.Count - structured.Count, 0, 30);
    }

    public static TheoryData<string> Documents => new(Seeds.Ids);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Mã_đoạn_duy_nhất_an_toàn_cho_URL_và_ổn_định(string id)
    {
        var chunks = Seeds.Chunks(id);
        Assert.All(chunks, c => Assert.Matches("^[a-z0-9-]+/[a-z0-9-]+$", c.Id));
        Assert.All(chunks, c => Assert.Equal(id, c.DocId));
        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));

        var again = new Chunker(new ChunkingOptions()).Chunk(Ingestion.Import.PlanImporter.Import(Seeds.Raw(id), id, id + ".txt"));
        Assert.Equal(chunks.Select(c => c.Id), again.Select(c => c.Id));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Không_dòng_nội_dung_nào_bị_bỏ_sót(string id)
    {
        // Every word of the source outside boilerplate reaches some chunk: compare against the source's own tokens.
        var chunked = Seeds.Chunks(id).SelectMany(c => Seeds.Tokens(c.Passage)).ToHashSet();
        var lines = Seeds.Raw(id).Split('\n').Where(l => Regex.IsMatch(l, @"\p{L}{3}")).ToList();
        var missing = lines.Where(l => Seeds.Tokens(l) is { Count: >= 4 } t && t.Count(chunked.Contains) < t.Count / 2).ToList();
        var boilerplate = missing.Count(l => Regex.IsMatch(Core.Text.VietnameseText.Fold(l), @"^\s*[-+]|noi nh|do\s*-\s*ha|cong hoa|^\s*(tm|t/m|kt)[.\s]|chu tich"));
        Assert.True(missing.Count - boilerplate <= 1, string.Join('\n', missing));
    }
}
