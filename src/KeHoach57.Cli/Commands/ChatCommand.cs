using System.CommandLine;
using KeHoach57.Conversations;
using KeHoach57.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Cli.Commands;

public static class ChatCommand
{
    public static Command Create()
    {
        var scope = CommonOptions.Scope();
        var backend = CommonOptions.Backend();
        var plain = CommonOptions.Plain();
        var command = new Command("chat", "Trò chuyện: hỏi nhiều câu, câu sau hiểu theo câu trước; /phamvi ID để đổi phạm vi") { scope, backend, plain };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Overrides(parse.GetValue(backend)));
            var assistant = await services.PrepareAssistantAsync(ct);
            var conversations = services.GetRequiredService<ConversationService>();
            var id = "cli:" + Guid.NewGuid().ToString("N");
            var terminal = Terminal.ForConsole(parse.GetValue(plain));
            var printer = new AnswerPrinter(terminal);
            if (parse.GetValue(scope) is { } initial && await conversations.SetScopeAsync(id, initial, ct) is { } error)
                terminal.Line(new Styled(error, "red"));

            terminal.Line(new Styled("Trợ lý Kế hoạch 57", "bold"),
                " — hỏi về các kế hoạch: " + string.Join(", ", assistant.Corpus.Documents.Select(d => d.Info.Id)));
            terminal.Line(new Styled("/phamvi ID: chọn kế hoạch · /phamvi: bỏ phạm vi · /thoat: kết thúc", "grey"));
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
                    if (err is not null) terminal.Line(new Styled(err, "red"));
                    else if (arg.Length == 0) terminal.Line("Đã bỏ phạm vi: hỏi trên tất cả kế hoạch.");
                    else terminal.Line("Phạm vi: ", new Styled(arg, "bold"));
                    continue;
                }
                printer.Print(await conversations.AskAsync(id, line, cancellationToken: ct));
            }
            return 0;
        });
        return command;
    }
}
