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
return await root.Parse(args).InvokeAsync();
