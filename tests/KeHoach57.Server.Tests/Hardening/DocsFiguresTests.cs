using System.Text.RegularExpressions;
using KeHoach57.Core;
using KeHoach57.Ingestion;
using Microsoft.Extensions.Options;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>Docs quote figures the code prints, or none (issue 15, finding 12).</summary>
public sealed partial class DocsFiguresTests
{
    [Fact]
    public void Số_đoạn_và_số_văn_bản_trong_tài_liệu_khớp_với_corpus_thật()
    {
        var root = RepositoryPaths.FindRoot()!;
        var corpus = new CorpusLoader(Options.Create(new CorpusOptions { Path = Path.Combine(root, "corpus") }), Options.Create(new ChunkingOptions())).Load();
        var chunks = corpus.Documents.Sum(d => d.Chunks.Count);
        var documents = corpus.Documents.Count;

        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"));
        var wrong = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in ChunkFigure().Matches(text))
                if (Number(m.Groups["n"].Value) != chunks) wrong.Add($"{Path.GetFileName(file)}: \"{m.Value}\" (the corpus has {chunks} chunks)");
            foreach (Match m in DocumentFigure().Matches(text))
                if (Number(m.Groups["n"].Value) != documents) wrong.Add($"{Path.GetFileName(file)}: \"{m.Value}\" (the corpus has {documents} documents)");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static int Number(string digits) => int.Parse(digits.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    // "344 chunks", "1,137 chunks", "\"chunks\":1137" — a total figure for the real corpus.
    [GeneratedRegex(@"(?<n>\d[\d,]*)\s+chunks\b|""chunks""\s*:\s*(?<n>\d+)")]
    private static partial Regex ChunkFigure();

    [GeneratedRegex(@"""documents""\s*:\s*(?<n>\d+)")]
    private static partial Regex DocumentFigure();
}
