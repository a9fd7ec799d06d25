using System.CommandLine;
using System.Text;
using KeHoach57.Cli.Commands;

Console.OutputEncoding = new UTF8Encoding(false);
Console.InputEncoding = new UTF8Encoding(false);

var root = new RootCommand("KeHoach57.Assistant — hỏi đáp về các kế hoạch thực hiện Nghị quyết 57-NQ/TW");
root.Add(AskCommand.Create());
root.Add(ChatCommand.Create());
root.Add(IndexCommand.Create());
root.Add(EvalCommand.Create());
root.Add(ImportCommand.Create());
root.Add(TelegramCommand.Create());
root.Add(QuizCommand.Create());
root.Add(SummaryCommand.Create());
root.Add(RestorationCommand.CreateEval());
root.Add(RestorationCommand.CreateBuild());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    // A person (or a script) gets the reason, not a stack trace: an unreachable Qdrant, a bad setting, a bad line
    // in a data file (its message names the file and line, inside a type initializer's or DI's wrapper).
    var inner = ex;
    while (inner is TypeInitializationException or System.Reflection.TargetInvocationException or AggregateException && inner.InnerException is not null)
        inner = inner.InnerException;
    Console.Error.WriteLine($"Lỗi: {inner.Message}");
    return 1;
}
