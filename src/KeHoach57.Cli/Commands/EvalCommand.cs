using System.CommandLine;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Evaluation;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Reports;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KeHoach57.Cli.Commands;

/// <summary>`eval`: the regression eval, run in process through the same assistant as every channel.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Tệp .jsonl hoặc thư mục (mặc định: eval/ của repo)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var variant = new Option<string>("--variant")
        {
            Description = "question (có dấu), question_plain (không dấu) hoặc both (hai cột cạnh nhau)",
            DefaultValueFactory = _ => "both",
        };
        variant.AcceptOnlyFromAmong("question", "question_plain", "both");
        var report = new Option<FileInfo?>("--report") { Description = "Ghi báo cáo JSON (chỉ số + từng câu kèm dòng hợp đồng batch)" };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Ghi bản tóm tắt Markdown" };
        var baseline = new Option<bool>("--baseline") { Description = "Chạy thêm pipeline ngây thơ (cửa sổ 500 ký tự, BM25 không phân tích tiếng Việt) để so sánh" };
        var ablation = new Option<bool>("--ablation") { Description = "Chạy lại với từng cơ chế bị tắt (mỗi lần một chỉ mục tạm riêng)" };
        var compare = new Option<FileInfo?>("--compare") { Description = "So từng câu với một báo cáo JSON cũ: sửa được / hỏng mới / vẫn sai" };
        var gate = new Option<string?>("--gate")
        {
            Description = "Kiểm ngưỡng (mặc định eval/thresholds.json); không đạt thì thoát mã 1",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rebuild = new Option<bool>("--rebuild") { Description = "Lập lại chỉ mục trước khi chạy (khi mã phân tích đổi mà corpus không đổi)" };
        var backend = CommonOptions.Backend();
        var command = new Command("eval", "Chấm bộ câu hỏi eval: độ đúng, bằng chứng, từ chối, độ trễ")
        {
            files, variant, report, markdown, baseline, ablation, compare, gate, rebuild, backend,
        };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<EvalSet> sets;
            EvalReport? old = null;
            ThresholdGate? thresholds = null;
            try
            {
                // Everything the run depends on is read first: a typo must not cost a whole run.
                var inputs = parse.GetValue(files) is { Length: > 0 } given ? given : [RepositoryPaths.Resolve("eval")];
                sets = EvalSetReader.ReadAll(EvalSetReader.ResolveFiles(inputs));
                if (parse.GetValue(compare) is { } oldFile) old = EvalReport.Load(oldFile.FullName);
                if (parse.GetResult(gate) is not null)
                    thresholds = ThresholdGate.Load(parse.GetValue(gate) ?? RepositoryPaths.Resolve(Path.Combine("eval", "thresholds.json")));
            }
            catch (Exception ex) when (ex is EvalSetFormatException or InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }

            var overrides = CliServices.Overrides(parse.GetValue(backend));
            await using var services = CliServices.Build(overrides);
            if (parse.GetValue(rebuild))
                await services.GetRequiredService<CorpusIndexer>().RebuildAsync(services.GetRequiredService<Corpus>(), ct);
            var session = new EvalSession(services, AblationServices, message => Console.Error.WriteLine("… " + message));
            var variants = parse.GetValue(variant) switch
            {
                "question" => [EvalVariant.Question],
                "question_plain" => [EvalVariant.QuestionPlain],
                _ => new[] { EvalVariant.Question, EvalVariant.QuestionPlain },
            };
            var outcome = await session.RunAsync(sets, new EvalOptions(variants, parse.GetValue(baseline), parse.GetValue(ablation),
                old, parse.GetValue(compare)?.Name, thresholds), ct);

            EvalConsole.Render(outcome);
            if (parse.GetValue(report) is { } reportFile)
            {
                await ReportWriter.WriteJsonAsync(outcome.Report, reportFile.FullName, ct);
                AnsiConsole.MarkupLine($"Báo cáo JSON: [bold]{Markup.Escape(reportFile.FullName)}[/]");
            }
            if (parse.GetValue(markdown) is { } markdownFile)
            {
                await ReportWriter.WriteMarkdownAsync(outcome.Report, outcome.Tables, outcome.Sections, markdownFile.FullName, ct);
                AnsiConsole.MarkupLine($"Tóm tắt Markdown: [bold]{Markup.Escape(markdownFile.FullName)}[/]");
            }
            return outcome.Gate is { Passed: false } ? 1 : 0;

            // An ablation row keeps the command's own overrides (--backend) unless it sets the key itself.
            ServiceProvider AblationServices(IReadOnlyDictionary<string, string?> ablation)
            {
                var merged = new Dictionary<string, string?>(overrides);
                foreach (var (key, value) in ablation) merged[key] = value;
                return CliServices.Build(merged);
            }
        });
        return command;
    }
}
