using System.CommandLine;
using KeHoach57.Core;
using KeHoach57.Ingestion;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeHoach57.Cli.Commands;

public static class ImportCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo?>("--from")
        {
            Description = "Thư mục văn bản OCR (.txt) kèm manifest.tsv (mặc định corpus/raw)",
        };
        var command = new Command("import", "Chuyển văn bản OCR thô thành corpus/<id>.md có cấu trúc") { from };
        command.SetAction(parse =>
        {
            using var services = CliServices.Build();
            var corpus = RepositoryPaths.Resolve(services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path);
            var source = parse.GetValue(from)?.FullName ?? Path.Combine(corpus, "raw");
            if (!Directory.Exists(source))
            {
                Console.Error.WriteLine($"Không tìm thấy thư mục: {source}");
                return 2;
            }
            var written = PlanImporter.ImportFolder(source, corpus);
            foreach (var file in written) Console.WriteLine(Path.GetRelativePath(Directory.GetCurrentDirectory(), file));
            Console.WriteLine($"Đã nhập {written.Count} văn bản vào {corpus}.");
            return 0;
        });
        return command;
    }
}
