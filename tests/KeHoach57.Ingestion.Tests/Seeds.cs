using System.Collections.Concurrent;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Chunking;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests;

/// <summary>The five seed plans of corpus/raw, imported in memory with their curated manifest rows.</summary>
public static class Seeds
{
    public static readonly string[] Ids = ["yen-hoa", "truong-giang", "thai-nguyen", "hung-yen", "bac-giang"];

    /// <summary>The five ids, for a theory run once per seed plan.</summary>
    public static TheoryData<string> EachId => [.. Ids];

    public static string Root { get; } = RepositoryPaths.FindRoot() ?? throw new InvalidOperationException("checkout root not found");
    public static string RawFolder => Path.Combine(Root, "corpus", "raw");
    public static string CorpusFolder => Path.Combine(Root, "corpus");

    private static readonly ConcurrentDictionary<string, PlanDocument> Documents = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Chunk>> DefaultChunks = new();

    public static string Raw(string id) => File.ReadAllText(Path.Combine(RawFolder, id + ".txt"));

    public static PlanDocument Document(string id) => Documents.GetOrAdd(id, key =>
        PlanImporter.Import(Raw(key), key, key + ".txt", Manifest.Load(RawFolder).Find(key + ".txt")));

    public static IReadOnlyList<Chunk> Chunks(string id) => DefaultChunks.GetOrAdd(id, key => new Chunker(new ChunkingOptions()).Chunk(Document(key)));

    /// <summary>The eval scorer's tokens: folded, lower case, runs of [a-z0-9].</summary>
    public static List<string> Tokens(string text) =>
        System.Text.RegularExpressions.Regex.Matches(VietnameseText.Fold(text), "[a-z0-9]+").Select(m => m.Value).ToList();
}
