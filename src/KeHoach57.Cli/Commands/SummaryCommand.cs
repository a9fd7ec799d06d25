using System.CommandLine;
using KeHoach57.Training.Summaries;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Cli.Commands;

/// <summary>`summary ID`: a plan on one or two A4 pages (HTML), for handing out in a course.</summary>
public static class SummaryCommand
{
    public static Command Create()
    {
        var plan = new Argument<string>("plan") { Description = "Mã kế hoạch (ví dụ yen-hoa)" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Tệp HTML để ghi (mặc định: in ra màn hình)" };
        var command = new Command("summary", "Tóm tắt một kế hoạch trên một hoặc hai trang A4 (HTML)") { plan, output };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build();
            var id = parse.GetValue(plan)!.Trim();
            if (await services.GetRequiredService<PlanSummary>().RenderAsync(id, cancellationToken: ct) is not { } html)
            {
                var assistant = services.GetRequiredService<KeHoach57.Answering.Assistant>();
                await Console.Error.WriteLineAsync(assistant.UnknownScopeMessage(id));
                return 2;
            }
            if (parse.GetValue(output) is { } file)
            {
                KeHoach57.Core.AtomicFile.Write(file.FullName, new System.Text.UTF8Encoding(false).GetBytes(html));
                await Console.Error.WriteLineAsync($"Đã ghi bản tóm tắt vào {file.FullName} (mở bằng trình duyệt, in khổ A4)");
            }
            else await Console.Out.WriteAsync(html);
            return 0;
        });
        return command;
    }
}
