using System.CommandLine;
using KeHoach57.Core;
using KeHoach57.Ingestion;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeHoach57.Cli.Commands;

/// <summary>
/// `import`: without files, rebuilds corpus/*.md from the text exports in corpus/raw (+ manifest.tsv);
/// with files or folders, imports each as a new plan (PDF, .docx, scan, image, text), shows what was read
/// and, on a terminal, asks before writing it.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Tệp hoặc thư mục cần nhập (PDF, Word .docx, ảnh quét, .txt); bỏ trống để dựng lại corpus từ corpus/raw",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var from = new Option<DirectoryInfo?>("--from")
        {
            Description = "Thư mục văn bản OCR (.txt) kèm manifest.tsv (mặc định corpus/raw)",
        };
        var id = new Option<string?>("--id") { Description = "Mã văn bản (chữ thường không dấu, gạch ngang), ví dụ hung-yen" };
        var title = new Option<string?>("--title") { Description = "Trích yếu / tên văn bản" };
        var issuer = new Option<string?>("--issuer") { Description = "Cơ quan ban hành" };
        var number = new Option<string?>("--number") { Description = "Số ký hiệu, ví dụ 44/KH-UBND" };
        var date = new Option<string?>("--date") { Description = "Ngày ban hành, dạng 2025-03-03" };
        var locality = new Option<string?>("--locality") { Description = "Địa bàn, ví dụ \"tỉnh Hưng Yên\"" };
        var level = new Option<string?>("--level") { Description = "Cấp: xã hoặc tỉnh" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Ghi luôn, không hỏi lại (mặc định khi không chạy trên terminal)" };
        var replace = new Option<bool>("--replace") { Description = "Thay kế hoạch đã có cùng mã" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ đọc, kiểm tra và báo cáo; không ghi gì" };
        var command = new Command("import", "Nhập kế hoạch mới từ PDF, Word, ảnh quét hoặc văn bản; hoặc dựng lại corpus/*.md từ corpus/raw")
        {
            files, from, id, title, issuer, number, date, locality, level, yes, replace, dryRun,
        };
        command.SetAction(async (parse, ct) =>
        {
            var inputs = parse.GetValue(files) ?? [];
            if (inputs.Length == 0) return RebuildFromRaw(parse.GetValue(from));

            var paths = Expand(inputs, out var missing);
            foreach (var path in missing) await Console.Error.WriteLineAsync($"Không tìm thấy tệp hoặc thư mục: {path}");
            var corrections = new MetadataCorrections(parse.GetValue(id), parse.GetValue(title), parse.GetValue(issuer),
                parse.GetValue(number), parse.GetValue(date), parse.GetValue(locality), parse.GetValue(level));
            if (paths.Count > 1 && corrections != MetadataCorrections.None)
            {
                await Console.Error.WriteLineAsync("--id, --title, --issuer, --number, --date, --locality, --level chỉ dùng khi nhập một tệp.");
                return 2;
            }

            using var services = CliServices.Build(configure: s => s.AddPlanImport());
            var importer = services.GetRequiredService<DocumentImporter>();
            var interactive = !parse.GetValue(yes) && !parse.GetValue(dryRun) && !Console.IsInputRedirected && !Console.IsOutputRedirected;
            int imported = 0, refused = missing.Count;
            foreach (var path in paths)
            {
                var result = await importer.ReadAsync(path, corrections, parse.GetValue(replace), ct);
                while (result is ImportedPlan plan)
                {
                    ImportSummary.Print(plan);
                    if (parse.GetValue(dryRun)) break;
                    var answer = interactive ? Ask("Ghi vào corpus? [c]ó / [k]hông / [s]ửa thông tin: ") : "c";
                    if (answer.StartsWith('s'))
                    {
                        result = importer.Correct(plan, AskCorrections(plan), parse.GetValue(replace));
                        continue;
                    }
                    if (!answer.StartsWith('c'))
                    {
                        Console.WriteLine("Bỏ qua, không ghi gì.");
                        break;
                    }
                    var (written, conflict) = importer.Commit(plan, parse.GetValue(replace));
                    if (conflict is not null)
                    {
                        result = conflict;
                        break;
                    }
                    foreach (var file in written!) Console.WriteLine("  đã ghi " + Path.GetRelativePath(Directory.GetCurrentDirectory(), file));
                    imported++;
                    break;
                }
                if (result is ImportRefusal refusal)
                {
                    refused++;
                    await Console.Error.WriteLineAsync($"Không nhập {refusal.SourceName}: {refusal.Message}");
                }
            }
            if (!parse.GetValue(dryRun))
                Console.WriteLine($"Đã nhập {imported} văn bản vào {importer.Corpus.CorpusFolder}" +
                                  (imported > 0 ? "; chỉ mục được lập lại ở lần chạy tiếp theo (hoặc chạy `index`)." : "."));
            return refused > 0 ? 1 : 0;
        });
        return command;
    }

    private static int RebuildFromRaw(DirectoryInfo? from)
    {
        using var services = CliServices.Build();
        var corpus = RepositoryPaths.Resolve(services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path);
        var source = from?.FullName ?? Path.Combine(corpus, "raw");
        if (!Directory.Exists(source))
        {
            Console.Error.WriteLine($"Không tìm thấy thư mục: {source}");
            return 2;
        }
        var written = PlanImporter.ImportFolder(source, corpus);
        foreach (var file in written) Console.WriteLine(Path.GetRelativePath(Directory.GetCurrentDirectory(), file));
        Console.WriteLine($"Đã nhập {written.Count} văn bản vào {corpus}.");
        return 0;
    }

    /// <summary>Files as given, folders as their files (not recursive, hidden files and manifests left out), in name order.</summary>
    private static List<string> Expand(IEnumerable<string> inputs, out List<string> missing)
    {
        missing = [];
        var paths = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input)) paths.Add(input);
            else if (Directory.Exists(input))
                paths.AddRange(Directory.GetFiles(input)
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != Manifest.FileName)
                    .OrderBy(f => f, StringComparer.Ordinal));
            else missing.Add(input);
        }
        return paths;
    }

    private static string Ask(string prompt)
    {
        Console.Write(prompt);
        return (Console.ReadLine() ?? "").Trim().ToLowerInvariant();
    }

    /// <summary>Each field with what was read as its default: Enter keeps it.</summary>
    private static MetadataCorrections AskCorrections(ImportedPlan plan)
    {
        string? Field(string label, string current)
        {
            Console.Write($"  {label} [{current}]: ");
            var typed = Console.ReadLine()?.Trim();
            return string.IsNullOrEmpty(typed) ? null : typed;
        }
        var info = plan.Info;
        return new MetadataCorrections(Field("Mã", info.Id), Field("Trích yếu", info.Title), Field("Cơ quan ban hành", info.Issuer),
            Field("Số ký hiệu", info.Number), Field("Ngày (năm-tháng-ngày)", info.Date), Field("Địa bàn", info.Locality), Field("Cấp (xã/tỉnh)", info.Level));
    }
}
