using System.CommandLine;
using KeHoach57.Training.Quizzes;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Cli.Commands;

/// <summary>`quiz`: practice questions made from the plans — asked one at a time, listed, or exported for a course.</summary>
public static class QuizCommand
{
    public static Command Create()
    {
        var plan = new Option<string?>("--plan", "-p") { Description = "Chỉ câu hỏi của một kế hoạch (mã, ví dụ yen-hoa)" };
        var kind = new Option<string?>("--kind", "-k") { Description = "Loại: hạn, chủ trì, chỉ tiêu, kế hoạch" };
        var level = new Option<string?>("--level", "-l") { Description = "Mức: nhớ, so sánh, mục" };
        var count = new Option<int?>("--count", "-n") { Description = "Số câu (mặc định: tất cả khi liệt kê hoặc xuất, 10 khi luyện tập)" };
        var list = new Option<bool>("--list") { Description = "Liệt kê câu hỏi kèm đáp án thay vì luyện tập" };
        var stats = new Option<bool>("--stats") { Description = "Chỉ in số câu theo loại và mức" };
        var plain = CommonOptions.Plain();
        var command = new Command("quiz", "Câu hỏi luyện tập từ các kế hoạch: luyện tập từng câu, liệt kê, hoặc xuất GIFT/CSV/HTML")
        {
            plan, kind, level, count, list, stats, plain,
        };
        command.SetAction(async (parse, ct) =>
        {
            QuizFilter filter;
            try { filter = new QuizFilter(parse.GetValue(plan), QuizBank.ParseKind(parse.GetValue(kind)), QuizBank.ParseLevel(parse.GetValue(level))); }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            await using var services = CliServices.Build();
            var bank = services.GetRequiredService<QuizBank>();
            var terminal = Terminal.ForConsole(parse.GetValue(plain));
            if (parse.GetValue(stats))
            {
                PrintStats(terminal, bank.Select(filter));
                return 0;
            }
            var items = bank.Select(filter, parse.GetValue(count));
            if (items.Count == 0)
            {
                await Console.Error.WriteLineAsync("Không có câu hỏi nào khớp bộ lọc.");
                return 1;
            }
            foreach (var item in items)
            {
                terminal.Line(new Styled(item.Id, "grey"), $"  [{QuizBank.Name(item.Kind)} · {QuizBank.Name(item.Level)}]");
                terminal.Line(new Styled(item.Stem, "bold"));
                for (var i = 0; i < item.Options.Count; i++)
                    terminal.Line(i == item.CorrectIndex ? new Styled($"  {QuizItem.Letter(i)}. {item.Options[i]}  ✓", "green") : $"  {QuizItem.Letter(i)}. {item.Options[i]}");
                terminal.Line(new Styled($"  {item.Citation.Label}: “{Core.Text.Excerpts.OneLine(item.Citation.Quote, 200)}”", "grey"));
            }
            return 0;
        });
        return command;
    }

    private static void PrintStats(Terminal terminal, IReadOnlyList<QuizItem> items)
    {
        terminal.Line(new Styled($"{items.Count} câu hỏi", "bold"));
        foreach (var g in items.GroupBy(i => (i.Kind, i.Level)).OrderBy(g => g.Key))
            terminal.Line($"  {QuizBank.Name(g.Key.Kind),-16} {QuizBank.Name(g.Key.Level),-22} {g.Count(),4}");
        foreach (var g in items.GroupBy(i => i.PlanId).OrderBy(g => g.Key))
            terminal.Line($"  {g.Key,-16} {g.Count(),4}");
    }
}
