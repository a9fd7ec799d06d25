using KeHoach57.Core.Documents;
using KeHoach57.Ingestion.Formats;

namespace KeHoach57.Ingestion.Import;

/// <summary>What importing one file gave: a plan ready to be written to the corpus, or a refusal.</summary>
public abstract record ImportResult(string SourceName);

/// <summary>The file was not imported; <paramref name="Message"/> tells the user why, in Vietnamese. Nothing was written.</summary>
public sealed record ImportRefusal(string SourceName, ImportProblem Problem, string Message) : ImportResult(SourceName);

/// <summary>
/// A plan read from a file and checked, not yet written: <see cref="Text"/> is its text export (kept as
/// corpus/raw/&lt;id&gt;.txt so that `import` rebuilds it byte for byte), <see cref="Markdown"/> the
/// corpus file, <see cref="Info"/> the metadata the summary shows for the user to confirm or correct.
/// </summary>
public sealed record ImportedPlan(
    string SourceName,
    string Format,
    DocumentInfo Info,
    HeaderMetadata Header,
    string Text,
    string Markdown,
    string Fingerprint,
    QualityReport Quality,
    IReadOnlyList<string> Notes) : ImportResult(SourceName);

/// <summary>Values the user gives instead of those read from the document; null keeps the one read.</summary>
public sealed record MetadataCorrections(
    string? Id = null,
    string? Title = null,
    string? Issuer = null,
    string? Number = null,
    string? Date = null,
    string? Locality = null,
    string? Level = null)
{
    public static MetadataCorrections None { get; } = new();
}
