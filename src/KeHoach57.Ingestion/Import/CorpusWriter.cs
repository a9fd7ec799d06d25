using KeHoach57.Core;
using KeHoach57.Ingestion.Markdown;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Adds an imported plan to the corpus: its text export as raw/&lt;id&gt;.txt, its row in
/// raw/manifest.tsv (the confirmed metadata), then &lt;id&gt;.md, each file replaced atomically. The
/// three agree: `import` run on raw/ afterwards writes the same &lt;id&gt;.md byte for byte.
/// </summary>
public sealed class CorpusWriter(string corpusFolder)
{
    public string CorpusFolder { get; } = corpusFolder;
    public string RawFolder => Path.Combine(CorpusFolder, "raw");

    /// <returns>The files written: the text export, the manifest and the corpus Markdown.</returns>
    public IReadOnlyList<string> Write(ImportedPlan plan)
    {
        var (raw, manifest, markdown) = FilesFor(plan.Info.Id);
        AtomicFile.Write(raw, PlanImporter.Utf8.GetBytes(plan.Text));
        AtomicFile.Write(manifest, PlanImporter.Utf8.GetBytes(Manifest.WithRow(File.Exists(manifest) ? File.ReadAllText(manifest) : "", ManifestRow(plan))));
        AtomicFile.Write(markdown, PlanImporter.Utf8.GetBytes(plan.Markdown));
        return [raw, manifest, markdown];
    }

    /// <summary>The files <see cref="Write"/> replaces for a plan, in the order it writes them.</summary>
    public (string Raw, string Manifest, string Markdown) FilesFor(string id) =>
        (Path.Combine(RawFolder, id + ".txt"), Path.Combine(RawFolder, Manifest.FileName), Path.Combine(CorpusFolder, id + ".md"));

    private static Dictionary<string, string> ManifestRow(ImportedPlan plan)
    {
        var info = plan.Info;
        var what = $"{(plan.Header.Kind.Length > 0 ? plan.Header.Kind : "Văn bản")}, nhập từ {plan.Format}"
                   + (plan.Quality.Pages is { } pages ? $", {pages} trang" : "");
        return new Dictionary<string, string>
        {
            ["id"] = info.Id, ["source file"] = plan.SourceName, ["what it is"] = what, ["title"] = info.Title,
            ["issuer"] = info.Issuer, ["number"] = info.Number, ["date"] = info.Date, ["locality"] = info.Locality, ["level"] = info.Level,
        };
    }

    /// <summary>Whether the corpus already has a plan under <paramref name="id"/>.</summary>
    public bool Has(string id) => File.Exists(Path.Combine(CorpusFolder, id + ".md")) || File.Exists(Path.Combine(RawFolder, id + ".txt"));

    /// <summary>Each plan of the corpus folder, read from its Markdown: for the duplicate check.</summary>
    public IEnumerable<(string Id, string Title, string Fingerprint)> Existing()
    {
        if (!Directory.Exists(CorpusFolder)) yield break;
        foreach (var file in Directory.GetFiles(CorpusFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            Documents.PlanDocument document;
            try
            {
                document = PlanMarkdownReader.Read(File.ReadAllText(file), PlanImporter.DocumentId(file));
            }
            catch (FormatException)
            {
                continue;
            }
            yield return (document.Info.Id, document.Info.Title, ContentFingerprint.Of(document));
        }
    }
}
