using System.CommandLine;
using KeHoach57.Training.Exports;
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
        var export = new Option<string?>("--export") { Description = "Xuất: gift (Moodle), csv, html (bản in kèm đáp án), json" };
        export.AcceptOnlyFromAmong("gift", "csv", "html", "json");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Tệp ghi bản xuất (mặc định: in ra màn hình)" };
        var plain = CommonOptions.Plain();
        var command = new Command("quiz", "Câu hỏi luyện tập từ các kế hoạch: luyện tập từng câu, liệt kê, hoặc xuất GIFT/CSV/HTML")
        {
            plan, kind, level, count, list, stats, export, output, plain,
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
            var practice = !parse.GetValue(list) && parse.GetValue(export) is null;
            var items = bank.Select(filter, parse.GetValue(count) ?? (practice ? 10 : null));
            // With a model configured and Training:Phrasing:Enabled, stems read more naturally; exports stay as built.
            var phrasing = services.GetRequiredService<KeHoach57.Training.Phrasing.GroundedPhrasing>();
            if (phrasing.IsActive && parse.GetValue(export) is null)
            {
                var phrased = new List<QuizItem>();
                foreach (var item in items) phrased.Add(await phrasing.PhraseAsync(item, ct));
                items = phrased;
            }
            if (items.Count == 0)
            {
                await Console.Error.WriteLineAsync("Không có câu hỏi nào khớp bộ lọc.");
                return 1;
            }
            if (parse.GetValue(export) is { } format)
            {
                var labels = services.GetRequiredService<KeHoach57.Answering.Composition.SourceLabels>();
                var text = format switch
                {
                    "gift" => GiftWriter.Write(items, labels.Plan),
                    "csv" => QuizCsv.Write(items),
                    "html" => QuizSheet.Render(items, "Câu hỏi luyện tập: kế hoạch thực hiện Nghị quyết 57-NQ/TW"),
                    _ => System.Text.Json.JsonSerializer.Serialize(items, Json),
                };
                if (parse.GetValue(output) is { } file)
                {
                    KeHoach57.Core.AtomicFile.Write(file.FullName, new System.Text.UTF8Encoding(false).GetBytes(text));
                    await Console.Error.WriteLineAsync($"Đã ghi {items.Count} câu vào {file.FullName}");
                }
                else await Console.Out.WriteAsync(text);
                return 0;
            }
            if (practice) return await PracticeAsync(terminal, items, ct);
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

    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
    };

    /// <summary>One question at a time: the trainee types a letter, sees whether it is right and the passage, and the score at the end.</summary>
    private static async Task<int> PracticeAsync(Terminal terminal, IReadOnlyList<QuizItem> items, CancellationToken ct)
    {
        var right = 0;
        var asked = 0;
        foreach (var item in items)
        {
            terminal.Line(new Styled($"Câu {asked + 1}/{items.Count}", "grey"), $"  [{QuizBank.Name(item.Kind)} · {QuizBank.Name(item.Level)}]");
            terminal.Line(new Styled(item.Stem, "bold"));
            for (var i = 0; i < item.Options.Count; i++) terminal.Line($"  {QuizItem.Letter(i)}. {item.Options[i]}");
            int chosen;
            while (true)
            {
                Console.Write("Chọn (A–D, Enter để dừng): ");
                var line = await Console.In.ReadLineAsync(ct);
                if (string.IsNullOrWhiteSpace(line)) { terminal.Line(QuizFeedback.Score(right, asked)); return 0; }
                chosen = char.ToUpperInvariant(line.Trim()[0]) - 'A';
                if (chosen >= 0 && chosen < item.Options.Count) break;
            }
            asked++;
            var feedback = QuizFeedback.For(item, chosen);
            if (feedback.Correct) right++;
            terminal.Line(new Styled(feedback.Verdict, feedback.Correct ? "bold green" : "bold yellow"));
            terminal.Line(new Styled(feedback.Source + ": ", "grey"), new Styled("“" + feedback.Quote + "”", "italic"));
            terminal.Line("");
        }
        terminal.Line(new Styled(QuizFeedback.Score(right, asked), "bold"));
        return 0;
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
