using System.Text;
using KeHoach57.Core.Documents;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Markdown;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Raw OCR text to corpus Markdown: line cleanup → boilerplate removal → structure recognition → Markdown.
/// The body keeps the source's words, OCR noise included: citations quote it and must match the source.
/// </summary>
public static class PlanImporter
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="curated">Metadata from the manifest; null to derive it from the text.</param>
    public static PlanDocument Import(string raw, string id, string source, DocumentInfo? curated = null)
    {
        var lines = SourceLines.Split(raw);
        var sections = StructureParser.Parse(SourceLines.From(Boilerplate.Remove(lines)));
        var info = curated ?? MetadataGuesser.Guess(id, source, lines, sections);
        return new PlanDocument(info, sections);
    }

    public static string ToMarkdown(string raw, string id, string source, DocumentInfo? curated = null) =>
        PlanMarkdownWriter.Write(Import(raw, id, source, curated));

    /// <summary>Imports every .txt of <paramref name="from"/> (with its manifest.tsv, if any) into <paramref name="to"/>/&lt;id&gt;.md.</summary>
    /// <returns>The files written, in name order.</returns>
    public static IReadOnlyList<string> ImportFolder(string from, string to)
    {
        var manifest = Manifest.Load(from);
        Directory.CreateDirectory(to);
        var written = new List<string>();
        foreach (var file in Directory.GetFiles(from, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var id = manifest.IdFor(name) ?? DocumentId(name);
            var raw = Utf8.GetString(File.ReadAllBytes(file)).TrimStart('\uFEFF');
            var target = Path.Combine(to, id + ".md");
            File.WriteAllText(target, ToMarkdown(raw, id, name, manifest.Find(name)), Utf8);
            written.Add(target);
        }
        return written;
    }

    /// <summary>A file name made into a document id: folded, lower case, '-' between words.</summary>
    public static string DocumentId(string fileName) =>
        MarkdownText.Slug(Path.GetFileNameWithoutExtension(fileName)) is { Length: > 0 } slug ? slug : "plan";
}
