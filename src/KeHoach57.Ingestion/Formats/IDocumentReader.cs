namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// One file format. <see cref="CanRead"/> looks at the content (magic bytes, the parts of a package), not
/// only at the extension; <see cref="ReadAsync"/> turns the file into text laid out like the plain-text
/// exports that <see cref="Import.PlanImporter"/> reads: one line per printed line or paragraph, a blank
/// line between paragraphs, a page's first line indented by one space, table rows as "STT | cell | cell".
/// </summary>
public interface IDocumentReader
{
    /// <summary>Short name shown in the import summary and the manifest ("pdf-text", "docx").</summary>
    string Name { get; }

    bool CanRead(SourceFile file);

    Task<ReadOutcome> ReadAsync(SourceFile file, CancellationToken cancellationToken);
}

public abstract record ReadOutcome;

/// <summary>The text of the document, how many pages it had (null when the format has none) and what the reader noticed.</summary>
public sealed record ExtractedText(string Text, string Format, int? Pages, IReadOnlyList<string> Notes) : ReadOutcome;

/// <summary>The reader cannot handle this file after all (a PDF without a text layer): the next one that can read it is asked.</summary>
public sealed record Declined(string Reason) : ReadOutcome;

/// <summary>The file is of this reader's kind but cannot be imported; <paramref name="Message"/> says why in Vietnamese.</summary>
public sealed record Unreadable(ImportProblem Problem, string Message) : ReadOutcome;

/// <summary>Why a file was refused: a code for callers (an HTTP status, a test) beside the Vietnamese message.</summary>
public enum ImportProblem
{
    NotFound,
    EmptyFile,
    TooLarge,
    UnknownType,
    Encrypted,
    Damaged,
    TooManyParts,
    MissingTool,
    EmptyText,
    NotVietnamese,
    NotAPlan,
    Duplicate,
    IdTaken,
    InvalidMetadata,

    /// <summary>Read and checked, but it could not be written to the corpus or served; everything was put back as it was.</summary>
    NotServed,
}
