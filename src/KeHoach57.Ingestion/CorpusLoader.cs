using System.Security.Cryptography;
using System.Text;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion;

/// <summary>Reads corpus/*.md (and raw .txt drops, imported on the fly) into a <see cref="Corpus"/>.</summary>
public sealed class CorpusLoader(IOptions<CorpusOptions> options)
{
    public string Folder => RepositoryPaths.Resolve(options.Value.Path);

    // PLACEHOLDER until the ingestion work lands: front matter + paragraph chunks.
    public Corpus Load()
    {
        var folder = Folder;
        var docs = new List<CorpusDocument>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.md").OrderBy(f => f, StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file)));
                hash.AppendData(bytes);
                var text = Encoding.UTF8.GetString(bytes);
                var id = Path.GetFileNameWithoutExtension(file);
                var info = new DocumentInfo(id, id);
                var chunks = new List<Chunk>();
                var section = "";
                var n = 0;
                foreach (var para in text.Split("\n\n"))
                {
                    var p = para.Trim();
                    if (p.StartsWith('#')) { section = p.TrimStart('#', ' '); continue; }
                    if (p.Length < 20 || p.StartsWith("---")) continue;
                    chunks.Add(new Chunk($"{id}/p{n}", id, section, p, Ordinal: n));
                    n++;
                }
                docs.Add(new CorpusDocument(info, text, chunks));
            }
        }
        return new Corpus(docs, Convert.ToHexString(hash.GetHashAndReset()));
    }
}
