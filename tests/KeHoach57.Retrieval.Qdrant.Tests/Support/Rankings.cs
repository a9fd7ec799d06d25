namespace KeHoach57.Retrieval.Qdrant.Tests.Support;

public static class Rankings
{
    /// <summary>
    /// Same hits with the same scores (within <paramref name="tolerance"/>, relative: Qdrant scores in float32),
    /// in the same order except among hits whose scores tie within that tolerance.
    /// </summary>
    public static void AssertSame(IReadOnlyList<SearchHit> expected, IReadOnlyList<SearchHit> actual, double tolerance = 1e-4)
    {
        string Show(IReadOnlyList<SearchHit> hits) => string.Join("\n", hits.Select(h => $"  {h.Score:F6} {h.Chunk.Id}"));
        var context = $"\nexpected:\n{Show(expected)}\nactual:\n{Show(actual)}";
        Assert.True(expected.Count == actual.Count, $"{expected.Count} hits expected, {actual.Count} found{context}");
        for (var i = 0; i < expected.Count; i++)
            Assert.True(Close(expected[i].Score, actual[i].Score, tolerance), $"score at rank {i + 1} differs{context}");
        var start = 0;
        while (start < expected.Count)
        {
            var end = start + 1;
            while (end < expected.Count && Close(expected[start].Score, expected[end].Score, tolerance)) end++;
            var want = expected.Skip(start).Take(end - start).Select(h => h.Chunk.Id).Order();
            var got = actual.Skip(start).Take(end - start).Select(h => h.Chunk.Id).Order();
            Assert.True(want.SequenceEqual(got), $"ranks {start + 1}–{end} hold other chunks{context}");
            start = end;
        }
    }

    private static bool Close(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(a));
}
