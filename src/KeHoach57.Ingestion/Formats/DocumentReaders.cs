namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// The readers in the order they are asked. Each one that recognises the content may read it, decline
/// (the next one is asked: a PDF without a text layer goes on to OCR) or refuse it with a reason. The
/// extension is not trusted: a .docx that is really a PDF is read as a PDF, a .pdf that is text as text.
/// </summary>
public sealed class DocumentReaders(IEnumerable<IDocumentReader> readers)
{
    public IReadOnlyList<IDocumentReader> All { get; } = readers.ToList();

    /// <summary>
    /// PDF text through PdfPig first (managed, nothing to install, and measured as good as pdftotext on the
    /// same files), pdftotext when PdfPig gives up on a malformed file, OCR for what has no text layer.
    /// Plain text is last: it accepts anything without control bytes.
    /// </summary>
    public static DocumentReaders Standard(Microsoft.Extensions.Options.IOptions<ImportOptions> options) => new(
    [
        new PdfTextReader(options),
        new PopplerTextReader(options),
        new ScannedDocumentReader(options),
        new DocxReader(options),
        new PlainTextReader(),
    ]);

    public async Task<ReadOutcome> ReadAsync(SourceFile file, CancellationToken cancellationToken)
    {
        var declined = new List<string>();
        foreach (var reader in All.Where(r => r.CanRead(file)))
        {
            ReadOutcome outcome;
            try
            {
                outcome = await reader.ReadAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                // A hostile or broken file may break a parser or a tool in ways no reader foresaw: a refusal, never a crash.
                return new Unreadable(ImportProblem.Damaged, $"Không đọc được \"{file.Name}\" ({reader.Name}): {e.Message}");
            }
            if (outcome is not Declined decline) return outcome;
            declined.Add(decline.Reason);
        }
        if (declined.Count > 0)
            return new Unreadable(ImportProblem.Damaged, $"Không đọc được \"{file.Name}\": {string.Join("; ", declined)}.");
        return new Unreadable(ImportProblem.UnknownType, UnknownTypeMessage(file));
    }

    private static string UnknownTypeMessage(SourceFile file)
    {
        var hint = file.StartsWith([0xD0, 0xCF, 0x11, 0xE0])
            ? " Đây là tệp Word/Excel đời cũ (.doc/.xls): hãy mở bằng Word và lưu thành .docx hoặc PDF."
            : "";
        return $"Không nhận ra loại tệp \"{file.Name}\". Nhập được: PDF (có lớp chữ hoặc bản quét), Word .docx, ảnh PNG/JPEG/TIFF và văn bản thuần (.txt).{hint}";
    }
}
