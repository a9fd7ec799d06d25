using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Retrieval.Tests;

/// <summary>
/// The index skips what cannot place (scope ranges, MaxScore) but must return exactly what scoring every posting
/// returns: the same chunks, the same scores to the last bit, ties in build order.
/// </summary>
public class EmbeddedSearchEquivalenceTests() : DataFolderTests("kehoach57-search-tests")
{
    private static readonly string[] Words = ["bao", "cao", "ke", "hoach", "so", "chuyen", "doi", "xa", "tinh", "nam", "thang", "6", "2025",
        "phong", "van", "hoa", "hoi", "ha", "tang", "cap", "quang", "du", "lieu", "dan", "cu", "dinh", "danh", "hiem", "co"];

    private static List<IndexedChunk> Chunks(Random random, bool grouped)
    {
        var chunks = new List<IndexedChunk>();
        for (var i = 0; i < 400; i++)
        {
            // Skewed draws: a few words are in most chunks (as "bao cao" is), most are rare; some chunks repeat others.
            var terms = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Words[(int)(Words.Length * Math.Pow(random.NextDouble(), 2.5))]).ToList();
            if (i > 0 && random.Next(10) == 0) terms = [.. chunks[random.Next(chunks.Count)].Terms];
            var doc = grouped ? $"doc-{i / 100}" : $"doc-{random.Next(4)}";
            chunks.Add(new IndexedChunk(new Chunk($"{doc}/c{i}", doc, "", string.Join(' ', terms), Ordinal: i), terms));
        }
        return chunks;
    }

    /// <summary>BM25 as the seam defines it, every posting scored, terms summed in the request's order.</summary>
    private static List<(string Id, double Score)> Reference(List<IndexedChunk> chunks, SearchRequest request)
    {
        var average = chunks.Average(c => c.Terms.Count);
        var allowed = request.DocIds is { Count: > 0 } ids ? ids.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        var scored = new List<(double Score, int Index)>();
        for (var i = 0; i < chunks.Count; i++)
        {
            if (allowed is not null && !allowed.Contains(chunks[i].Chunk.DocId)) continue;
            double score = 0;
            var matched = false;
            foreach (var (term, weight) in request.Terms)
            {
                var tf = chunks[i].Terms.Count(t => t == term);
                if (tf == 0) continue;
                var df = chunks.Count(c => c.Terms.Contains(term));
                score += weight * Bm25.Idf(chunks.Count, df) * (float)Bm25.TermWeight(tf, chunks[i].Terms.Count, average, 1.2, 0.75);
                matched = true;
            }
            if (matched) scored.Add((score, i));
        }
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(request.Limit).Select(s => (chunks[s.Index].Chunk.Id, s.Score)).ToList();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Kết_quả_đúng_như_chấm_mọi_đoạn_dù_có_phạm_vi_hay_không(bool grouped)
    {
        var random = new Random(grouped ? 57 : 75);
        var chunks = Chunks(random, grouped);
        var index = new EmbeddedIndex(Options.Create(new IndexOptions { DataPath = Path.Combine(Data, grouped.ToString()) }), NullLogger<EmbeddedIndex>.Instance);
        await index.ReplaceAsync(new IndexBuild("v1", [], chunks), TestContext.Current.CancellationToken);

        for (var q = 0; q < 300; q++)
        {
            var terms = Words.OrderBy(_ => random.Next()).Take(random.Next(1, 14))
                .Select(w => new WeightedTerm(w, new[] { 1f, 0.4f, 0.15f, 1.5f, 0.5f }[random.Next(5)])).ToList();
            if (random.Next(4) == 0) terms.Add(new WeightedTerm("khong_co_trong_chi_muc", 1));
            string[]? scope = random.Next(3) == 0 ? null : [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => $"DOC-{random.Next(5)}")];
            var request = new SearchRequest(terms, scope, new[] { 1, 5, 10, 60, 500 }[random.Next(5)]);

            var hits = await index.SearchAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(Reference(chunks, request), hits.Select(h => (h.Chunk.Id, h.Score)).ToList());
        }
    }
}
