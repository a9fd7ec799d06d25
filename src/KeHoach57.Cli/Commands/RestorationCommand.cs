using System.CommandLine;
using System.Globalization;
using KeHoach57.Core;
using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;
using KeHoach57.Evaluation.Restoration;

namespace KeHoach57.Cli.Commands;

/// <summary>
/// restoration-eval prints issue 17's table (held-out clean text and the OCR gold set, before and after)
/// and the speed figures; restoration-build writes the syllable model's data file from the word list
/// (see tools/restoration/build-syllables.sh) and the clean plan.
/// </summary>
public static class RestorationCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command CreateEval()
    {
        var tune = new Option<bool>("--tune") { Description = "Dò trọng số kênh và ngưỡng tin cậy trên văn bản sạch để riêng (bộ vàng OCR chỉ để kiểm tra)" };
        var mistakes = new Option<string?>("--mistakes") { Description = "In các âm tiết khôi phục sai của một phần bộ vàng (tune hoặc test) hoặc của văn bản sạch để riêng (held-out)" };
        var show = new Option<string?>("--show") { Description = "Khôi phục một câu và in từng âm tiết với độ tin cậy" };
        var write = new Option<bool>("--write") { Description = "Cùng --tune: ghi điểm đã chọn vào restoration-options.json" };
        var maxWrong = new Option<double>("--max-changed-wrong") { Description = "Cùng --tune: tỉ lệ âm tiết đổi sai tối đa trên văn bản sạch để riêng", DefaultValueFactory = _ => RestorationFit.DefaultMaxChangedWrong };
        var modelFile = new Option<FileInfo?>("--model") { Description = "Đo một tệp mô hình khác thay cho tệp đi kèm (đầu ra của restoration-build --output)" };
        var command = new Command("restoration-eval", "Đo chất lượng và tốc độ khôi phục dấu tiếng Việt (issue 17)") { tune, write, maxWrong, mistakes, show, modelFile };
        command.SetAction(parse =>
        {
            var root = RepositoryPaths.FindRoot() ?? throw new InvalidOperationException("Không tìm thấy thư mục gốc của kho mã.");
            if (parse.GetValue(modelFile) is { Exists: false } missing)
            {
                Console.Error.WriteLine($"Không tìm thấy tệp: {missing.FullName}");
                return 2;
            }
            var evaluation = new RestorationEvaluation(root, parse.GetValue(modelFile)?.FullName);
            if (parse.GetValue(show) is { } text)
            {
                var restorer = new SyllableRestorer(evaluation.Model, OcrChannel.Default, new VietnameseAnalyzer());
                Console.WriteLine(restorer.Restore(text));
                foreach (var s in restorer.Analyze(text))
                {
                    var readings = string.Join(", ", restorer.Readings(s.Source).Select(r => string.Create(Invariant, $"{r.Word ?? "(as is)"} {r.Cost:0.00}")));
                    Console.WriteLine(string.Create(Invariant, $"  {s.Source} → {s.Restored} ({s.Confidence:0.000}){(s.Changed ? "" : " unchanged")}: {readings}"));
                }
                return 0;
            }
            if (parse.GetValue(mistakes) is { } part)
            {
                foreach (var line in evaluation.Mistakes(part)) Console.WriteLine(line);
                return 0;
            }
            if (parse.GetValue(tune))
            {
                var fit = evaluation.Tune(parse.GetValue(maxWrong));
                Console.WriteLine("weight  lost-mark  confidence  letter-conf  unsupported | held-out stripped: accuracy changed-wrong | damaged: accuracy changed-wrong | OCR gold test (check): accuracy changed-wrong");
                foreach (var p in fit.Points)
                    Console.WriteLine(string.Create(Invariant, $"{p.Options.ChannelWeight,6:0.0}  {p.Options.LostMarkCost,9:0.000}  {p.Options.MinConfidence,10:0.00}  {p.Options.MinLetterConfidence,11:0.00}  {p.Options.MinUnsupportedConfidence,11:0.00} | {p.Folded.Accuracy,8:P2} {p.Folded.ChangedWrongRate,8:P2} | {p.Damaged.Accuracy,8:P2} {p.Damaged.ChangedWrongRate,8:P2} | {p.GoldTest.Accuracy,8:P2} {p.GoldTest.ChangedWrongRate,8:P2}{(p == fit.Best ? "  <- chosen" : "")}"));
                var best = fit.Best;
                var why = string.Create(Invariant,
                    $"Fitted by restoration-eval --tune on the held-out clean text only (the clean plan's odd paragraphs, stripped and with synthetic OCR damage; model without them): the most accurate point whose changed-but-wrong rate is at most {fit.MaxChangedWrong:P1} on both; MinLetterConfidence is set by hand and kept (clean text has no broken letters to fit it on). Held-out stripped {best.Folded.Accuracy:P2} (changed-wrong {best.Folded.ChangedWrongRate:P2}), damaged {best.Damaged.Accuracy:P2} ({best.Damaged.ChangedWrongRate:P2}); the OCR gold test part, not used to choose: {best.GoldTest.Accuracy:P2} ({best.GoldTest.ChangedWrongRate:P2}).");
                Console.WriteLine(why);
                if (parse.GetValue(write))
                {
                    var path = Path.Combine(root, RestorationOptions.RelativePath);
                    var temp = path + ".tmp";
                    File.WriteAllText(temp, best.Options.ToJson(why));
                    File.Move(temp, path, overwrite: true);
                    Console.WriteLine($"written: {path}");
                }
                return 0;
            }
            var rows = evaluation.Run();
            Console.WriteLine($"{"set",-44} {"restorer",-30} {"syllables",9} {"accuracy",9} {"letters",8} {"changed-wrong",14} {"unchanged-wrong",16}");
            foreach (var row in rows)
            {
                var s = row.Score;
                Console.WriteLine(string.Create(Invariant, $"{row.Set,-44} {row.Restorer,-30} {s.Syllables,9} {s.Accuracy,9:P2} {s.FoldedAccuracy,8:P2} {s.ChangedWrongRate,14:P2} {s.UnchangedWrongRate,16:P2}"));
            }
            var speed = evaluation.Speed();
            Console.WriteLine();
            Console.WriteLine("speed (ms; wall clock / CPU time of this process, which on a shared machine is the steadier figure):");
            Console.WriteLine(string.Create(Invariant, $"  data file {speed.DataBytes / 1024.0:0.0} KiB; load {Show(speed.FirstLoad)} the first time (with JIT), {Show(speed.MedianLoad)} median of 5 after"));
            Console.WriteLine(string.Create(Invariant, $"  first restore on a freshly loaded model (builds the candidate index): {Show(speed.FirstRestore)}"));
            Console.WriteLine(string.Create(Invariant, $"  {speed.Clauses} clauses of {speed.MeanChars:0} characters on average: {Show(speed.ColdPerClause)} per clause cold (empty cache), {Show(speed.WarmPerClause)} warm"));
            return 0;
        });
        return command;
    }

    private static string Show(Timing t) => string.Create(Invariant, $"{t.Wall:0.000} / {t.Cpu:0.000}");

    public static Command CreateBuild()
    {
        var words = new Option<FileInfo>("--words") { Description = "Danh sách âm tiết của @cspell/dict-vi-vn (mỗi dòng một âm tiết)", Required = true };
        var dictionary = new Option<DirectoryInfo?>("--dictionary") { Description = "Thư mục gói @vntk/dictionary (data/Viet74K.txt và data/dictionary.json)" };
        var minPairs = new Option<int>("--min-pair-count") { Description = "Bỏ các cặp âm tiết của từ điển gặp ít hơn số lần này", DefaultValueFactory = _ => DefaultMinPairCount };
        var minTriples = new Option<int>("--min-triple-count") { Description = "Bỏ các bộ ba âm tiết của từ điển gặp ít hơn số lần này", DefaultValueFactory = _ => DefaultMinTripleCount };
        var corpusWeight = new Option<int>("--corpus-weight") { Description = "Mỗi lần gặp trong văn bản sạch của kho (kế hoạch sạch, bảng viết tắt, tên kế hoạch) tính bằng bấy nhiêu lần", DefaultValueFactory = _ => DefaultCorpusWeight };
        var output = new Option<FileInfo?>("--output") { Description = "Tệp dữ liệu ghi ra (mặc định src/KeHoach57.Core/Text/Restoration/syllables.tsv.gz)" };
        var source = new Option<string>("--source") { Description = "Nguồn của danh sách (ghi vào đầu tệp)", DefaultValueFactory = _ => "npm package @cspell/dict-vi-vn (MIT)" };
        var dictionarySource = new Option<string>("--dictionary-source") { Description = "Nguồn của từ điển (ghi vào đầu tệp)", DefaultValueFactory = _ => "npm package @vntk/dictionary (MIT)" };
        var command = new Command("restoration-build", "Chuyển danh sách âm tiết, từ điển và kế hoạch sạch thành tệp dữ liệu mô hình âm tiết")
            { words, dictionary, minPairs, minTriples, corpusWeight, output, source, dictionarySource };
        command.SetAction(parse =>
        {
            var root = RepositoryPaths.FindRoot() ?? throw new InvalidOperationException("Không tìm thấy thư mục gốc của kho mã.");
            var wordFile = parse.GetValue(words)!;
            var dictionaryFolder = parse.GetValue(dictionary);
            var minPairCount = parse.GetValue(minPairs);
            var minTripleCount = parse.GetValue(minTriples);
            foreach (var missing in new[] { wordFile.FullName }.Concat(dictionaryFolder is null ? [] :
                         new[] { Path.Combine(dictionaryFolder.FullName, "data", "Viet74K.txt"), Path.Combine(dictionaryFolder.FullName, "data", "dictionary.json") }))
                if (!File.Exists(missing))
                {
                    Console.Error.WriteLine($"Không tìm thấy tệp: {missing}");
                    return 2;
                }
            if (minPairCount < 1 || minTripleCount < 1 || parse.GetValue(corpusWeight) < 1)
            {
                Console.Error.WriteLine("--min-pair-count, --min-triple-count và --corpus-weight phải ≥ 1.");
                return 2;
            }
            var corpus = Path.Combine(root, "corpus");
            var analyzer = new VietnameseAnalyzer();
            var builder = new SyllableModelBuilder(analyzer, parse.GetValue(corpusWeight)).AddSyllables(RestorationTraining.ReadWordList(wordFile.FullName));
            var provenance = $"syllables: {parse.GetValue(source)} (licence: LICENSE-cspell-dict-vi-vn.txt) and corpus/{RestorationTraining.CleanPlan}.md\n";
            if (dictionaryFolder is not null)
            {
                builder.AddWords(RestorationTraining.ReadDictionaryWords(dictionaryFolder.FullName))
                    .AddTexts(RestorationTraining.ReadDictionaryTexts(dictionaryFolder.FullName), foreignAsAbbreviation: true)
                    .PrunePairs(minPairCount, minTripleCount);
                provenance += $"words, definitions and examples: {parse.GetValue(dictionarySource)} (licence: LICENSE-vntk-dictionary.txt), " +
                              $"pairs seen fewer than {minPairCount} times and runs of three seen fewer than {minTripleCount} times dropped\n";
            }
            var clean = RestorationTraining.Paragraphs(File.ReadAllText(Path.Combine(corpus, RestorationTraining.CleanPlan + ".md")));
            var model = builder.AddCorpusTexts(clean.Concat(RestorationTraining.Supplements(corpus, analyzer.Glossary))).Build();
            var path = parse.GetValue(output)?.FullName ?? Path.Combine(root, "src", "KeHoach57.Core", "Text", "Restoration", "syllables.tsv.gz");
            var temp = path + ".tmp";
            using (var stream = File.Create(temp))
                model.Save(stream, provenance +
                                   $"pairs, runs of three and counts: corpus/bac-giang.md, the glossary's expansions, the plans' titles, each counted {model.CorpusWeight} times\n" +
                                   "rebuild: tools/restoration/build-syllables.sh");
            File.Move(temp, path, overwrite: true);
            Console.WriteLine(string.Create(Invariant, $"{path}: {model.Count} syllables, {model.BigramCount} pairs, {model.TrigramCount} runs of three, {model.TextTokens} clean-text syllables, {new FileInfo(path).Length / 1024.0:0.0} KiB"));
            return 0;
        });
        return command;
    }

    private const int DefaultMinPairCount = 2;
    private const int DefaultMinTripleCount = 3;
    private const int DefaultCorpusWeight = 100;
}
