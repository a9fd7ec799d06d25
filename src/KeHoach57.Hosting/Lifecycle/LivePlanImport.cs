using KeHoach57.Core;
using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Hosting.Lifecycle;

/// <summary>
/// Imports a plan into the corpus that is being served, without a restart and without a gap in answers:
/// the file is read and checked by the same <see cref="DocumentImporter"/> as the CLI's `import`, written to
/// corpus/ (each file atomically), and served through <see cref="AssistantHolder.ReloadAsync"/>, which builds
/// the new answering stack beside the one answering and swaps it in. When the result returns, the new plan
/// answers. An import that fails at any step changes nothing: the files it replaced are put back and the
/// holder is reloaded onto them, so corpus/, the index and the answers are as they were.
/// </summary>
public sealed class LivePlanImport(DocumentImporter importer, AssistantHolder holder, ILogger<LivePlanImport> logger) : IDisposable
{
    // One import writes and reloads at a time; reading and checking (OCR can take minutes) runs outside it.
    private readonly SemaphoreSlim _writing = new(1, 1);

    public DocumentImporter Importer => importer;

    /// <summary>Reads and checks the file and reads its metadata, as the import would; writes nothing.</summary>
    public Task<ImportResult> PreviewAsync(SourceFile file, MetadataCorrections corrections, bool replace, CancellationToken cancellationToken) =>
        importer.ReadAsync(file, corrections, replace, cancellationToken);

    /// <returns>The plan, written and answering; or why not (a refusal of the file, or <see cref="ImportProblem.NotServed"/>), with nothing changed.</returns>
    public async Task<ImportResult> ImportAsync(SourceFile file, MetadataCorrections corrections, bool replace, CancellationToken cancellationToken)
    {
        var result = await importer.ReadAsync(file, corrections, replace, cancellationToken);
        if (result is not ImportedPlan plan) return result;
        await _writing.WaitAsync(cancellationToken);
        try
        {
            // From here on a client that leaves changes nothing: the plan is served whole, or everything is put back.
            return await CommitAndServeAsync(plan, replace);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task<ImportResult> CommitAndServeAsync(ImportedPlan plan, bool replace)
    {
        var id = plan.Info.Id;
        var (raw, manifest, markdown) = importer.Corpus.FilesFor(id);
        var before = Backup.Of([raw, manifest, markdown]);
        try
        {
            var (_, conflict) = importer.Commit(plan, replace);
            if (conflict is not null) return conflict;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not write plan {Id} to the corpus at {Folder}; putting back what was there", id, importer.Corpus.CorpusFolder);
            return await UndoAsync(plan, before, "Không ghi được kế hoạch vào thư mục dữ liệu của máy chủ (hết chỗ hoặc không có quyền ghi).");
        }

        var outcome = await holder.ReloadAsync(CancellationToken.None);
        if (outcome != ReloadOutcome.KeptPrevious && holder.Stack?.Corpus.Find(id) is { } served && served.Markdown == plan.Markdown)
        {
            logger.LogInformation("Plan {Id} imported from {File} ({Format}) and answering: {Documents} documents ({Outcome})",
                id, plan.SourceName, plan.Format, holder.Stack.Corpus.Documents.Count, outcome);
            return plan;
        }
        logger.LogError("Plan {Id} was written but is not answering (reload: {Outcome}, status: {Reason}); putting the corpus back", id, outcome, holder.Status.Reason);
        return await UndoAsync(plan, before, "Đã đọc được kế hoạch nhưng không lập được chỉ mục để trả lời theo nó (xem nhật ký máy chủ).");
    }

    private async Task<ImportRefusal> UndoAsync(ImportedPlan plan, Backup before, string reason)
    {
        try
        {
            before.Restore();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogCritical(ex, "Could not put back the corpus files of {Id}; check {Folder} by hand", plan.Info.Id, importer.Corpus.CorpusFolder);
        }
        // Brings the index (and the holder's status) back to the corpus as it was, if the failed reload had moved it.
        await holder.ReloadAsync(CancellationToken.None);
        return new ImportRefusal(plan.SourceName, ImportProblem.NotServed,
            $"Chưa nhập \"{plan.SourceName}\": {reason} Không có gì thay đổi; trợ lý vẫn trả lời theo các kế hoạch đã có. Thử lại sau.");
    }

    public void Dispose() => _writing.Dispose();

    /// <summary>The bytes of each file before the import wrote it (null: it did not exist), to put back in reverse order.</summary>
    private sealed class Backup(IReadOnlyList<(string Path, byte[]? Bytes)> files)
    {
        public static Backup Of(IEnumerable<string> paths) => new(paths.Select(p => (p, File.Exists(p) ? File.ReadAllBytes(p) : null)).ToList());

        public void Restore()
        {
            foreach (var (path, bytes) in files.Reverse())
            {
                if (bytes is not null) AtomicFile.Write(path, bytes);
                else if (File.Exists(path)) File.Delete(path);
            }
        }
    }
}
