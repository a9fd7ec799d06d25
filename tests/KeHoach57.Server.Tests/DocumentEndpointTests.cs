using System.Net;
using KeHoach57.Core.Documents;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests;

public sealed class DocumentEndpointTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task Document_list_has_metadata_and_links_for_every_document()
    {
        using var response = await Client.GetAsync("/api/documents", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var documents = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(new[] { TestCorpus.Hostile, TestCorpus.TruongGiang, TestCorpus.YenHoa }, documents.Select(d => d.Str("id")).Order());
        Assert.All(documents, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Str("title")));
            Assert.Equal("/documents/" + d.Str("id"), d.Str("url"));
            Assert.True(d.GetProperty("chunks").GetInt32() > 0);
            Assert.False(d.TryGetProperty("markdown", out _), "the list stays light: no bodies");
        });
    }

    [Fact]
    public async Task Document_detail_has_metadata_and_markdown()
    {
        using var response = await Client.GetAsync("/api/documents/" + TestCorpus.YenHoa, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadJsonAsync();
        Assert.Equal(TestCorpus.YenHoa, document.Str("id"));
        Assert.Contains(TestCorpus.YenHoaFact, document.Str("markdown"));
    }

    [Fact]
    public async Task Document_page_has_an_element_for_every_chunk_and_marks_the_highlight()
    {
        var corpus = server.Factory.Services.GetRequiredService<Corpus>();
        var document = corpus.Find(TestCorpus.YenHoa)!;
        var cited = document.Chunks.First(c => c.Text.Contains(TestCorpus.YenHoaFact));

        using var response = await Client.GetAsync($"/documents/{TestCorpus.YenHoa}?highlight={cited.Anchor}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.All(document.Chunks, c => Assert.Contains($"id=\"chunk-{c.Anchor}\"", html));
        Assert.Contains($"data-highlight=\"{cited.Anchor}\"", html);
        Assert.Contains("/assets/document.js", html);
        Assert.Contains("<h2>", html);
        Assert.Contains("lang=\"vi\"", html);
    }

    [Fact]
    public async Task Document_page_shows_imported_html_and_script_links_as_inert_text()
    {
        var html = await Client.GetStringAsync("/documents/" + TestCorpus.Hostile, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task Highlight_parameter_is_escaped()
    {
        var html = await Client.GetStringAsync("/documents/" + TestCorpus.YenHoa + "?highlight=%22%3E%3Cscript%3E", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("\"><script>", html);
    }

    [Fact]
    public async Task Unknown_document_page_is_a_vietnamese_404_page()
    {
        using var response = await Client.GetAsync("/documents/khong-co", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy văn bản", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
