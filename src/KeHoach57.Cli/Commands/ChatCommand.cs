using System.CommandLine;
using KeHoach57.Conversations;
using KeHoach57.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KeHoach57.Cli.Commands;

public static class ChatCommand
{
    public static Command Create()
    {
        var scope = CommonOptions.Scope();
        var backend = CommonOptions.Backend();
        var command = new Command("chat", "Trò chuyện: hỏi nhiều câu, câu sau hiểu theo câu trước; /phamvi ID để đổi phạm vi") { scope, backend };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Overrides(parse.GetValue(backend)));
            var assistant = await services.PrepareAssistantAsync(ct);
            var conversations = services.GetRequiredService<ConversationService>();
            var id = "cli:" + Guid.NewGuid().ToString("N");
            if (parse.GetValue(scope) is { } initial && await conversations.SetScopeAsync(id, initial, ct) is { } error)
                AnsiConsole.MarkupLine($"[red]{Markup.Escape(error)}[/]");

            AnsiConsole.MarkupLine("[bold]Trợ lý Kế hoạch 57[/] — hỏi về các kế hoạch: " +
                Markup.Escape(string.Join(", ", assistant.Corpus.Documents.Select(d => d.Info.Id))));
            AnsiConsole.MarkupLine("[grey]/phamvi ID: chọn kế hoạch · /phamvi: bỏ phạm vi · /thoat: kết thúc[/]");
            while (!ct.IsCancellationRequested)
            {
                var state = await conversations.GetAsync(id, ct);
                Console.Write(state.Scope is null ? "> " : $"[{state.Scope}] > ");
                var line = Console.ReadLine();
                if (line is null || line.Trim() is "/thoat" or "/exit" or "/quit") break;
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (line.TrimStart().StartsWith("/phamvi", StringComparison.OrdinalIgnoreCase))
                {
                    var arg = line.Trim()["/phamvi".Length..].Trim();
                    var err = await conversations.SetScopeAsync(id, arg.Length == 0 ? null : arg, ct);
                    AnsiConsole.MarkupLine(err is null
                        ? (arg.Length == 0 ? "Đã bỏ phạm vi: hỏi trên tất cả kế hoạch." : $"Phạm vi: [bold]{Markup.Escape(arg)}[/]")
                        : $"[red]{Markup.Escape(err)}[/]");
                    continue;
                }
                AnswerPrinter.Print(await conversations.AskAsync(id, line, cancellationToken: ct));
            }
            return 0;
        });
        return command;
    }
}
