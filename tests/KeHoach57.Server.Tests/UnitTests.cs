using KeHoach57.Core.Documents;
using KeHoach57.Server.Ask;
using KeHoach57.Server.Documents;
using KeHoach57.Server.Feedback;

namespace KeHoach57.Server.Tests;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JaVaScRiPt:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("vbscript:x", false)]
    [InlineData("https://chinhphu.vn", true)]
    [InlineData("/documents/yen-hoa", true)]
    [InlineData("#chunk-p1", true)]
    [InlineData("mailto:ubnd@example.vn", true)]
    [InlineData("docs/a:b", true)]
    public void Only_harmless_link_targets_survive(string url, bool safe) => Assert.Equal(safe, SafeMarkdown.IsSafeUrl(url));

    [Fact]
    public void Raw_html_is_escaped_and_script_links_are_emptied()
    {
        var html = SafeMarkdown.ToHtml("<b onclick=x>đậm</b> [a](javascript:alert(1)) <javascript:alert(2)> **thật**");

        Assert.DoesNotContain("<b onclick", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<strong>thật</strong>", html);
    }
}

public sealed class DocumentPageTests
{
    [Fact]
    public void Table_rows_render_as_one_table_with_a_target_per_row_and_headings_from_breadcrumbs()
    {
        var context = "Phụ lục 1. Chỉ tiêu\n| STT | Chỉ tiêu | Thời hạn |\n|---|---|---|";
        var document = new CorpusDocument(new DocumentInfo("d", "Kế hoạch D"), "", [
            new Chunk("d/muc-1", "d", "I. Mục tiêu › 1. Chung", "Đoạn mục tiêu.", Ordinal: 0),
            new Chunk("d/pl1-r1", "d", "Phụ lục 1", "| 1 | Dịch vụ công trực tuyến | 2025 |", ChunkKind.TableRow, context, 1),
            new Chunk("d/pl1-r2", "d", "Phụ lục 1", "| 2 | Chữ ký số <b> | 2026 |", ChunkKind.TableRow, context, 2),
        ]);

        var html = new DocumentPage().Render(document, "pl1-r2");

        Assert.Contains("<h2>I. Mục tiêu</h2>", html);
        Assert.Contains("<h3>1. Chung</h3>", html);
        Assert.Contains("<h2>Phụ lục 1</h2>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<table>"));
        Assert.Contains("<th scope=\"col\">Chỉ tiêu</th>", html);
        Assert.Contains("<tr class=\"chunk\" id=\"chunk-pl1-r1\">", html);
        Assert.Contains("<tr class=\"chunk\" id=\"chunk-pl1-r2\">", html);
        Assert.Contains("<caption>Phụ lục 1. Chỉ tiêu</caption>", html);
        Assert.Contains("Chữ ký số &lt;b&gt;", html);
        Assert.Contains("data-highlight=\"pl1-r2\"", html);
    }

    [Fact]
    public void A_document_without_chunks_still_renders_its_markdown()
    {
        var html = new DocumentPage().Render(new CorpusDocument(new DocumentInfo("e", "E"), "# Tiêu đề\n\nNội dung.", []), null);

        Assert.Contains("<h1>Tiêu đề</h1>", html);
        Assert.Contains("<p>Nội dung.</p>", html);
    }

    [Theory]
    [InlineData("yen-hoa/p3", "/documents/yen-hoa?highlight=p3#chunk-p3")]
    [InlineData("tg/phu-luc/1", "/documents/tg?highlight=phu-luc%2F1#chunk-phu-luc%2F1")]
    public void Passage_links_carry_the_anchor_twice(string chunkId, string url) => Assert.Equal(url, DocumentLinks.Passage(chunkId));
}

public sealed class FeedbackCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("bình thường", "\"bình thường\"")]
    [InlineData("có \"ngoặc\"", "\"có \"\"ngoặc\"\"\"")]
    [InlineData("=SUM(A1)", "\"'=SUM(A1)\"")]
    [InlineData("+84 912", "\"'+84 912\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    public void Cells_are_quoted_and_formulas_defused(string? value, string cell) => Assert.Equal(cell, FeedbackCsv.Cell(value));
}

public sealed class SuggestionGenerationTests
{
    [Fact]
    public void Questions_from_section_titles_drop_numbering_and_spread_over_the_document()
    {
        var chunks = Enumerable.Range(1, 8)
            .Select(i => new Chunk($"d/c{i}", "d", $"II. Nhiệm vụ › {i}. Nhiệm vụ số {i} về chuyển đổi số", "…", Ordinal: i))
            .ToList();

        var questions = SuggestionService.FromSections(new CorpusDocument(new DocumentInfo("d", "D"), "", chunks), 4);

        Assert.Equal(4, questions.Count);
        Assert.Equal("Nội dung “Nhiệm vụ số 1 về chuyển đổi số” trong kế hoạch là gì?", questions[0]);
        Assert.Contains(questions, q => q.Contains("số 7"));
    }
}
