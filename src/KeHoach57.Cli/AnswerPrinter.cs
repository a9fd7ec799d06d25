using KeHoach57.Core.Answers;
using Spectre.Console;

namespace KeHoach57.Cli;

/// <summary>Shows an answer to a person: the answer line, then each citation as document › section and its quote.</summary>
public static class AnswerPrinter
{
    public static void Print(Answer answer)
    {
        var head = answer.Markdown.Split("\n\n")[0];
        AnsiConsole.MarkupLine(answer.Answered ? $"[bold green]{Markup.Escape(head)}[/]" : $"[yellow]{Markup.Escape(head)}[/]");
        var i = 0;
        foreach (var c in answer.Citations)
        {
            i++;
            AnsiConsole.MarkupLine($"[grey][[{i}]][/] [bold]{Markup.Escape(c.Title)}[/] › {Markup.Escape(c.Section)}");
            AnsiConsole.MarkupLine($"    [italic]“{Markup.Escape(Shorten(c.Quote, 300))}”[/]");
        }
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
