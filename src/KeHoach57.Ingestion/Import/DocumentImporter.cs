using System.Text;
using System.Text.RegularExpressions;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Formats.Encodings;
using KeHoach57.Ingestion.Markdown;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Imports one file as a new plan, for the CLI's `import FILE…` and for an upload endpoint alike:
/// <see cref="ReadAsync(Stream,string,MetadataCorrections?,bool,CancellationToken)"/> reads it within the
/// limits, picks a reader by its content, checks the text (empty, not Vietnamese, not a plan, already in
/// the corpus) and reads the metadata from its header block, writing nothing; <see cref="Correct"/>
/// applies what the user corrected; <see cref="Commit"/> writes the plan to the corpus atomically.
/// </summary>
public sealed partial class DocumentImporter(DocumentReaders readers, IOptions<ImportOptions> options, IOptions<CorpusOptions> corpus)
{
    public CorpusWriter Corpus { get; } = new(RepositoryPaths.Resolve(corpus.Value.Path));

    public async Task<ImportResult> ReadAsync(string path, MetadataCorrections? corrections = null, bool replace = false, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        var file = new FileInfo(path);
        if (!file.Exists) return new ImportRefusal(name, ImportProblem.NotFound, $"Không tìm thấy tệp: {path}");
        // The size is known before reading: a 200 MB file is refused without being read.
        if (file.Length > options.Value.MaxFileBytes) return TooLarge(name, file.Length);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await ReadAsync(stream, name, corrections, replace, cancellationToken);
    }

    /// <param name="content">The file's bytes; read up to the size limit and no further.</param>
    /// <param name="fileName">The name the file came with: shown in messages and kept in the manifest, never used as a path.</param>
    /// <param name="replace">Whether a plan already under the chosen id may be replaced.</param>
    public async Task<ImportResult> ReadAsync(Stream content, string fileName, MetadataCorrections? corrections = null, bool replace = false, CancellationToken cancellationToken = default)
    {
        var (file, refusal) = await ReceiveAsync(content, fileName, cancellationToken);
        return refusal ?? await ReadAsync(file!, corrections, replace, cancellationToken);
    }

    /// <summary>
    /// The file's bytes, read up to the size limit and no further (an upload over it stops being read there),
    /// under a name safe to show; or the refusal when it is over the limit.
    /// </summary>
    public async Task<(SourceFile? File, ImportRefusal? Refusal)> ReceiveAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var name = SafeName(fileName);
        var bytes = await ReadBoundedAsync(content, options.Value.MaxFileBytes, cancellationToken);
        return bytes is null ? (null, TooLarge(name, null)) : (new SourceFile(name, bytes), null);
    }

    /// <summary>Reads a file already received within the limit (see <see cref="ReceiveAsync"/>), checks it and reads its metadata; writes nothing.</summary>
    public async Task<ImportResult> ReadAsync(SourceFile file, MetadataCorrections? corrections = null, bool replace = false, CancellationToken cancellationToken = default)
    {
        var name = file.Name;
        if (file.Bytes.Length == 0) return new ImportRefusal(name, ImportProblem.EmptyFile, $"Tệp \"{name}\" rỗng (0 byte): không có gì để nhập.");

        var outcome = await readers.ReadAsync(file, cancellationToken);
        if (outcome is Unreadable unreadable) return new ImportRefusal(name, unreadable.Problem, unreadable.Message);
        var extracted = (ExtractedText)outcome;

        var notes = extracted.Notes.ToList();
        var (text, legacy) = LegacyVietnamese.Repair(Clean(extracted.Text));
        if (legacy is not null) notes.Add($"chữ gõ bằng phông {legacy} đã được chuyển sang Unicode");
        if (PlanChecks.Check(text, name, options.Value) is { } problem) return new ImportRefusal(name, problem.Problem, problem.Message);
        return Build(name, extracted.Format, text, extracted.Pages, notes, corrections ?? MetadataCorrections.None, replace);
    }

    /// <summary>The same plan with the user's corrections to its metadata (and, with a new id, checked again against the corpus).</summary>
    public ImportResult Correct(ImportedPlan plan, MetadataCorrections corrections, bool replace = false) =>
        Build(plan.SourceName, plan.Format, plan.Text, plan.Quality.Pages, plan.Notes, Merge(plan.Info, corrections), replace);

    /// <summary>Writes the plan to the corpus (text export, manifest row, Markdown), after checking again that its id and content are still free.</summary>
    public (IReadOnlyList<string>? Files, ImportRefusal? Refusal) Commit(ImportedPlan plan, bool replace = false)
    {
        // Two uploads at once must not both take the same id or both rewrite the manifest from the same old copy.
        lock (commitLock)
        {
            if (Conflict(plan.SourceName, plan.Info.Id, plan.Fingerprint, replace) is { } refusal) return (null, refusal);
            return (Corpus.Write(plan), null);
        }
    }

    private readonly Lock commitLock = new();

    private ImportResult Build(string name, string format, string text, int? pages, IReadOnlyList<string> notes, MetadataCorrections corrections, bool replace)
    {
        var draft = PlanImporter.Import(text, "draft", "draft.txt");
        var header = MetadataGuesser.Read(SourceLines.Split(text), draft.Sections);
        var id = corrections.Id ?? ProposeId(header, name);
        if (!ValidId().IsMatch(id))
            return new ImportRefusal(name, ImportProblem.InvalidMetadata,
                $"Mã văn bản \"{id}\" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang (ví dụ: bac-giang, yen-hoa-2025).");
        var date = corrections.Date ?? header.Date;
        if (date.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
            return new ImportRefusal(name, ImportProblem.InvalidMetadata, $"Ngày \"{date}\" không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ 2025-03-03.");
        var title = corrections.Title ?? header.Title;
        var info = new DocumentInfo(id, title.Length > 0 ? title : id, corrections.Issuer ?? header.Issuer, corrections.Number ?? header.Number,
            date, corrections.Locality ?? header.Locality, corrections.Level ?? header.Level, id + ".txt");

        // The same call `import` makes on raw/<id>.txt with its manifest row, so a rebuild writes the same bytes.
        var document = PlanImporter.Import(text, id, info.Source, info);
        var fingerprint = ContentFingerprint.Of(document);
        if (Conflict(name, id, fingerprint, replace) is { } refusal) return refusal;
        var quality = QualityReport.Measure(text, document, header, pages, options.Value);
        return new ImportedPlan(name, format, info, header, text, PlanMarkdownWriter.Write(document), fingerprint, quality, notes);
    }

    private ImportRefusal? Conflict(string name, string id, string fingerprint, bool replace)
    {
        foreach (var existing in Corpus.Existing())
        {
            if (existing.Fingerprint != fingerprint || (replace && existing.Id == id)) continue;
            return new ImportRefusal(name, ImportProblem.Duplicate,
                $"\"{name}\" trùng nội dung với kế hoạch đã có: {existing.Id} ({existing.Title}). Không nhập lại.");
        }
        if (!replace && Corpus.Has(id))
            return new ImportRefusal(name, ImportProblem.IdTaken,
                $"Mã văn bản \"{id}\" đã được dùng cho một kế hoạch khác. Chọn mã khác (--id) hoặc thay thế kế hoạch cũ (--replace).");
        return null;
    }

    /// <summary>The place's name ("bac-giang", as the seed plans are named), else the file's; numbered when taken.</summary>
    private string ProposeId(HeaderMetadata header, string name)
    {
        var place = header.Locality.Length > 0 ? header.Locality : header.Place;
        var stem = MarkdownText.Slug(UnitWord().Replace(VietnameseText.Fold(place), "")) is { Length: > 0 } fromPlace
            ? fromPlace
            : PlanImporter.DocumentId(name);
        if (stem.Length > 48) stem = stem[..48].TrimEnd('-');
        if (!Corpus.Has(stem)) return stem;
        var number = new string(header.Number.TakeWhile(char.IsDigit).ToArray());
        if (number.Length > 0 && !Corpus.Has(stem + "-" + number)) return stem + "-" + number;
        for (var n = 2; ; n++)
            if (!Corpus.Has($"{stem}-{n}")) return $"{stem}-{n}";
    }

    private static MetadataCorrections Merge(DocumentInfo current, MetadataCorrections corrections) => new(
        corrections.Id ?? current.Id, corrections.Title ?? current.Title, corrections.Issuer ?? current.Issuer,
        corrections.Number ?? current.Number, corrections.Date ?? current.Date, corrections.Locality ?? current.Locality,
        corrections.Level ?? current.Level);

    private ImportRefusal TooLarge(string name, long? size) => new(name, ImportProblem.TooLarge,
        $"Tệp \"{name}\" {(size is { } s ? $"nặng {Megabytes(s)}, " : "")}vượt giới hạn {Megabytes(options.Value.MaxFileBytes)} cho một văn bản.");

    /// <summary>"50 MB", "64 KB": a limit set below a megabyte is not shown as "0 MB".</summary>
    private static string Megabytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB";

    /// <returns>The bytes, or null when the stream holds more than <paramref name="max"/>.</returns>
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>NFC, LF line ends, no control characters, one final line end: the text export as written to raw/.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Replace("\r\n", "\n").Replace('\r', '\n'))
            if (ch == '\n' || !char.IsControl(ch)) sb.Append(ch == '\t' ? ' ' : ch);
        var clean = sb.ToString().Normalize(NormalizationForm.FormC).TrimEnd();
        return clean.Length == 0 ? "" : clean + "\n";
    }

    /// <summary>Only the last segment of whatever name the client sent; nothing in it reaches a path.</summary>
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? "tệp" : name.Length > 200 ? name[..200] : name;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidId();

    [GeneratedRegex(@"^\s*(tinh|xa|huyen|phuong|quan|thanh pho|thi xa|thi tran)\s+")]
    private static partial Regex UnitWord();
}
