using System.CommandLine;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Evaluation;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;
using KeHoach57.Evaluation.Reports;
using KeHoach57.Hosting;
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
        var half = new Option<string>("--half")
        {
            Description = "tune (nửa để tinh chỉnh), check (nửa để báo cáo) hoặc all (mọi câu)",
            DefaultValueFactory = _ => Halves.All,
        };
        half.AcceptOnlyFromAmong([.. Halves.Both, Halves.All]);
        var backend = CommonOptions.Backend();
        var command = new Command("eval", "Chấm bộ câu hỏi eval: độ đúng, bằng chứng, từ chối, độ trễ")
        {
            files, variant, half, report, markdown, baseline, ablation, compare, gate, rebuild, backend,
        };
        command.Add(SplitCommand());
        command.Add(FitCommand());
        command.Add(QuizSelfCheckCommand());
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<EvalSet> sets;
            EvalReport? old = null;
            ThresholdGate? thresholds = null;
            try
            {
                // Everything the run depends on is read first: a typo must not cost a whole run.
                sets = ReadSets(parse.GetValue(files));
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
                old, parse.GetValue(compare)?.Name, thresholds, parse.GetValue(half)!), ct);

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

    /// <summary>
    /// `eval fit`: fits the selection weights and the calibrator on the tune half (see AnsweringFit), prints the
    /// cross-validated figures, and with --write stores both in src/KeHoach57.Answering/Grounding/calibration.json.
    /// </summary>
    private static Command FitCommand()
    {
        var files = new Argument<string[]>("files") { Description = "Tệp .jsonl hoặc thư mục (mặc định: eval/ của repo)", Arity = ArgumentArity.ZeroOrMore };
        var write = new Option<bool>("--write") { Description = "Ghi bộ hiệu chỉnh cùng trọng số chọn câu vào calibration.json" };
        var wrongCost = new Option<double>("--wrong-cost")
        {
            Description = "Một câu trả lời sai đáng giá bao nhiêu câu đúng bị từ chối (≥ 1)",
            DefaultValueFactory = _ => KeHoach57.Evaluation.Fitting.AnsweringFit.DefaultWrongCost,
        };
        wrongCost.Validators.Add(r => { if (r.GetValueOrDefault<double>() < 1) r.AddError("--wrong-cost phải ≥ 1"); });
        var command = new Command("fit", "Khớp trọng số chọn câu và bộ hiệu chỉnh độ tin cậy trên nửa tune (kèm kiểm chéo 5 phần)") { files, write, wrongCost };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<EvalSet> sets;
            try { sets = ReadSets(parse.GetValue(files)); }
            catch (Exception ex) when (ex is EvalSetFormatException or InvalidDataException or IOException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            var cases = sets.SelectMany(s => s.Cases).Where(c => c.Half == Halves.Tune).ToList();
            // Every selected pair must stand, so the calibrator is fitted on the answers it will have to judge.
            var overrides = new Dictionary<string, string?> { ["Answering:Calibrate"] = "false", ["Answering:CacheSize"] = "0" };
            var samples = await KeHoach57.Evaluation.Fitting.AnsweringFit.CollectAsync(configure => CliServices.Build(overrides, configure), cases,
                [EvalVariant.Question, EvalVariant.QuestionPlain], message => Console.Error.WriteLine("… " + message), ct);
            await using var services = CliServices.Build(overrides);
            var start = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeHoach57.Answering.Selection.SelectionOptions>>().Value;
            var result = KeHoach57.Evaluation.Fitting.AnsweringFit.Fit(samples, start, parse.GetValue(wrongCost),
                KeHoach57.Answering.Grounding.CalibrationModel.Load(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeHoach57.Answering.AnsweringOptions>>().Value.CalibrationPath));
            if (Environment.GetEnvironmentVariable("KH57_FIT_DUMP") is { Length: > 0 } dump)
                await File.WriteAllLinesAsync(dump, samples.Where(s => s.Outside is null).Select(s =>
                    System.Text.Json.JsonSerializer.Serialize(new { s.Id, s.Question, s.Kind, s.Answerable, s.EvidenceRead, right = s.Pairs.Any(p => p.Right), pairs = s.Pairs.Count,
                        best = s.Pairs.OrderByDescending(p => p.Choice.Features.Score(result.Weights)).Take(3).Select(p => p.Choice.Primary.Display),
                        top = s.Pairs.MaxBy(p => p.Choice.Features.Score(result.Weights)) is { } t ? new { t.Right, t.Choice.Primary.Display, t.Choice.Features, t.Choice.Clause.Text, t.Choice.Primary.FromHeading } : null,
                        good = s.Pairs.Where(p => p.Right).MaxBy(p => p.Choice.Features.Score(result.Weights)) is { } g ? new { g.Choice.Primary.Display, g.Choice.Features, g.Choice.Clause.Text } : null,
                        confidence = s.Features is { } features && s.Pairs.Count > 0
                            ? KeHoach57.Answering.Grounding.ConfidenceFeatures.Named(features(KeHoach57.Answering.Selection.Selected.Pick(
                                s.Pairs.Select(p => p.Choice).ToList(), s.Clauses, c => c.Features.Score(result.Weights))))
                            : null })), ct);
            foreach (var line in result.Log) Console.WriteLine(line);
            if (parse.GetValue(write))
            {
                KeHoach57.Evaluation.Fitting.FitFiles.Write(result, RepositoryPaths.FindRoot() ?? Directory.GetCurrentDirectory());
                Console.WriteLine("Đã ghi: " + KeHoach57.Evaluation.Fitting.FitFiles.RelativePath);
            }
            return 0;
        });
        return command;
    }

    /// <summary>
    /// `eval quiz`: self-consistency — the assistant answers every generated quiz stem; prints the share answered right,
    /// the figures by kind and level, and each failure (stem, expected, what the assistant said).
    /// </summary>
    private static Command QuizSelfCheckCommand()
    {
        var report = new Option<FileInfo?>("--report") { Description = "Ghi từng câu (id, loại, mức, đúng/sai, câu trả lời) ra tệp JSONL" };
        var command = new Command("quiz", "Tự kiểm: trợ lý trả lời các câu hỏi luyện tập sinh từ kế hoạch") { report };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(new Dictionary<string, string?> { ["Answering:CacheSize"] = "0" });
            var assistant = await services.PrepareAssistantAsync(ct);
            var items = services.GetRequiredService<KeHoach57.Training.Quizzes.QuizBank>().All;
            var results = await new KeHoach57.Training.Quizzes.QuizSelfCheck(assistant).RunAsync(items, ct);
            var right = results.Count(r => r.Right);
            Console.WriteLine($"Tự kiểm câu hỏi luyện tập: đúng {right}/{results.Count} = {100.0 * right / Math.Max(1, results.Count):0.0}%");
            Console.WriteLine($"Nguồn đầu tiên đúng kế hoạch (mục, với câu tìm mục), kể cả khi từ chối: {results.Count(r => r.SourceFound)}/{results.Count}");
            foreach (var g in results.GroupBy(r => (r.Item.Kind, r.Item.Level)).OrderBy(g => g.Key))
                Console.WriteLine($"  {g.Key.Kind,-9} {g.Key.Level,-8} đúng {g.Count(r => r.Right),4}/{g.Count(),-4} sai {g.Count(r => !r.Right),4} (từ chối {g.Count(r => !r.Answer.Answered)}) · nguồn đúng {g.Count(r => r.SourceFound)}");
            Console.WriteLine("Câu sai theo cách sai: " + string.Join(", ", results.Where(r => !r.Right).GroupBy(r => r.Miss).OrderBy(g => g.Key)
                .Select(g => $"{MissName(g.Key)} {g.Count()}")));
            foreach (var r in results.Where(r => !r.Right))
                Console.WriteLine($"SAI {r.Item.Id} [{r.Item.Kind}/{r.Item.Level}] ({MissName(r.Miss)}) {r.Item.Stem}\n    cần: {r.Item.Answer} · trợ lý: {r.Answer.Line} · nguồn: {r.Answer.Citations.FirstOrDefault()?.Label}");
            if (parse.GetValue(report) is { } file)
                await File.WriteAllLinesAsync(file.FullName, results.Select(r => System.Text.Json.JsonSerializer.Serialize(new
                {
                    r.Item.Id, kind = r.Item.Kind.ToString(), level = r.Item.Level.ToString(), r.Item.Stem, expected = r.Item.Answer, right = r.Right,
                    answered = r.Answer.Answered, sourceFound = r.SourceFound, miss = r.Miss?.ToString(), answer = r.Answer.Line, source = r.Answer.Citations.FirstOrDefault()?.ChunkId,
                    cited = r.Item.Citation.Quote, subject = r.Answer.Trace?.Subject, chosen = r.Answer.Trace?.ChosenClause, features = r.Answer.Trace?.Features,
                })), ct);
            return 0;
        });
        return command;
    }

    private static string MissName(KeHoach57.Training.Quizzes.SelfCheckMiss? miss) => miss switch
    {
        KeHoach57.Training.Quizzes.SelfCheckMiss.Refused => "từ chối",
        KeHoach57.Training.Quizzes.SelfCheckMiss.OtherPassage => "trả lời từ đoạn khác",
        KeHoach57.Training.Quizzes.SelfCheckMiss.OtherValue => "đúng đoạn, sai giá trị",
        _ => "đúng",
    };

    /// <summary>`eval split`: writes "half" into every fact that has none; facts already placed stay where they are.</summary>
    private static Command SplitCommand()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Tệp .jsonl hoặc thư mục (mặc định: eval/ của repo)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("split", "Chia mỗi sự kiện chưa có nửa vào tune hoặc check (theo tài liệu và loại câu; sự kiện đã chia giữ nguyên)") { files };
        command.SetAction(parse =>
        {
            SplitOutcome outcome;
            try { outcome = HalfSplitter.Apply(ReadSets(parse.GetValue(files))); }
            catch (Exception ex) when (ex is EvalSetFormatException or InvalidDataException or IOException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
            var plan = outcome.Plan;
            Console.WriteLine($"Đã chia {plan.Assigned.Count} sự kiện mới: tune {plan.Assigned.Count(a => a.Half == Halves.Tune)}, check {plan.Assigned.Count(a => a.Half == Halves.Check)}.");
            foreach (var (stratum, halves) in plan.Strata.Where(kv => plan.Assigned.Any(a => a.Stratum == kv.Key)))
                Console.WriteLine($"  {stratum}: tune {halves.Tune}, check {halves.Check}");
            foreach (var (file, lines) in outcome.Rewritten)
                Console.WriteLine($"{file}: thêm \"half\" vào {lines} dòng");
            if (outcome.Rewritten.Count == 0) Console.WriteLine("Mọi câu đã có nửa: không tệp nào thay đổi.");
            return 0;
        });
        return command;
    }

    /// <summary>Files and folders as given, or the repository's eval/.</summary>
    private static IReadOnlyList<EvalSet> ReadSets(string[]? given) =>
        EvalSetReader.ReadAll(EvalSetReader.ResolveFiles(given is { Length: > 0 } ? given : [RepositoryPaths.Resolve("eval")]));
}
