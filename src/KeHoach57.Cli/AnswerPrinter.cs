using KeHoach57.Core.Answers;
using Spectre.Console;

namespace KeHoach57.Cli;

/// <summary>Shows an answer record to a person: the answer line, then one short line per source (label and quote).</summary>
public static class AnswerPrinter
{
    private const int QuoteChars = 160;

    public static void Print(AnswerRecord answer)
    {
        AnsiConsole.MarkupLine(answer.Answered ? $"[bold green]{Markup.Escape(answer.Line)}[/]" : $"[yellow]{Markup.Escape(answer.Line)}[/]");
        var i = 0;
        foreach (var c in answer.Citations)
        {
            i++;
            var label = c.Label.Length > 0 ? c.Label : c.Title;
            AnsiConsole.MarkupLine($"[grey][[{i}]][/] [bold]{Markup.Escape(label)}[/]: [italic]“{Markup.Escape(Shorten(c.Restored ?? c.Quote, QuoteChars))}”[/]");
        }
    }

    /// <summary>How the question was understood and what the answer was chosen from.</summary>
    public static void PrintWhy(AnswerRecord answer)
    {
        if (answer.Trace is not { } t) return;
        AnsiConsole.MarkupLine($"[grey]Hỏi về:[/] {Markup.Escape(string.Join(", ", t.Asks))}");
        AnsiConsole.MarkupLine($"[grey]Chủ đề:[/] {Markup.Escape(string.Join(" ", t.Subject))}");
        if (t.Places.Count > 0) AnsiConsole.MarkupLine($"[grey]Nơi được nêu:[/] {Markup.Escape(string.Join(", ", t.Places))}");
        AnsiConsole.MarkupLine($"[grey]Phạm vi:[/] {Markup.Escape(t.Scope ?? "tất cả kế hoạch")}");
        foreach (var p in t.Considered) AnsiConsole.MarkupLine($"  [grey]{p.Score,8:0.000}[/] {Markup.Escape(p.Label)} [grey]({Markup.Escape(p.ChunkId)})[/]");
        if (t.ChosenClause is { } clause) AnsiConsole.MarkupLine($"[grey]Câu được chọn:[/] “{Markup.Escape(Shorten(clause, 300))}”");
        AnsiConsole.MarkupLine($"[grey]Độ tin cậy:[/] {answer.Confidence:0.000}  " + Markup.Escape(string.Join("  ", t.Features.Select(f => $"{f.Key}={f.Value:0.###}"))));
        if (answer.RefusalReason is { } reason) AnsiConsole.MarkupLine($"[grey]Lý do từ chối:[/] {Markup.Escape(reason)}");
    }

    private static string Shorten(string s, int max)
    {
        s = Core.Text.VietnameseText.CollapseSpaces(s);
        return s.Length <= max ? s : s[..s.LastIndexOf(' ', max)] + "…";
    }
}
