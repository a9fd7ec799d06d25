using System.CommandLine;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Cli.Commands;

public static class IndexCommand
{
    public static Command Create()
    {
        var backend = CommonOptions.Backend();
        var command = new Command("index", "Lập lại chỉ mục từ corpus/") { backend };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Overrides(parse.GetValue(backend)));
            var corpus = services.GetRequiredService<Corpus>();
            await services.GetRequiredService<CorpusIndexer>().RebuildAsync(corpus, ct);
            var index = services.GetRequiredService<ISearchIndex>();
            Console.WriteLine($"Đã lập chỉ mục {corpus.Chunks.Count()} đoạn từ {corpus.Documents.Count} kế hoạch ({index.Name}).");
            return 0;
        });
        return command;
    }
}
