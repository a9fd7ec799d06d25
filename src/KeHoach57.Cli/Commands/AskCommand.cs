using System.CommandLine;
using System.Text;
using KeHoach57.Answering;
using KeHoach57.Answering.Batch;
using KeHoach57.Core.Answers;
using KeHoach57.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Cli.Commands;

public static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "Câu hỏi", Arity = ArgumentArity.ZeroOrOne };
        var scope = CommonOptions.Scope();
        var backend = CommonOptions.Backend();
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON (hợp đồng batch)" };
        var batch = new Option<FileInfo?>("--batch") { Description = "Tệp JSONL: mỗi dòng {\"id\", \"question\", \"scope\"}" };
        var why = new Option<bool>("--why") { Description = "In cả cách câu hỏi được hiểu và vì sao có câu trả lời này" };
        var plain = CommonOptions.Plain();
        var command = new Command("ask", "Hỏi một câu (hoặc cả một tệp câu hỏi với --batch)") { question, scope, backend, json, batch, why, plain };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Overrides(parse.GetValue(backend)));
            var assistant = await services.PrepareAssistantAsync(ct);
            var stdout = Console.Out;
            if (parse.GetValue(batch) is { } file)
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"Không tìm thấy tệp: {file.FullName}");
                    return 2;
                }
                await using var input = file.OpenRead();
                await foreach (var line in new BatchRunner(assistant).RunAsync(input, ct))
                    await stdout.WriteLineAsync(line.ToJson());
                return 0;
            }
            var text = parse.GetValue(question);
            if (string.IsNullOrWhiteSpace(text))
            {
                await Console.Error.WriteLineAsync("Hãy nhập câu hỏi, ví dụ: ask \"Hạn báo cáo 6 tháng là ngày nào?\" --scope yen-hoa");
                return 2;
            }
            var answer = await assistant.AskAsync(new AskRequest(text, parse.GetValue(scope)), ct);
            var printer = new AnswerPrinter(Terminal.ForConsole(parse.GetValue(plain)), services.GetRequiredService<KeHoach57.Answering.Composition.SourceLabels>().Plan);
            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(BatchAnswer.From(null, text, answer).ToJson());
                // For tools: the why as a second JSON line (what was asked, the passages weighed, the chosen clause, the confidence features).
                if (parse.GetValue(why)) await stdout.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(new { trace = answer.Trace, confidence = answer.Confidence },
                    new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return answer.Error is null ? 0 : 1;
            }
            printer.Print(answer);
            if (parse.GetValue(why)) printer.PrintWhy(answer);
            return answer.Error is null ? 0 : 1;
        });
        return command;
    }
}
