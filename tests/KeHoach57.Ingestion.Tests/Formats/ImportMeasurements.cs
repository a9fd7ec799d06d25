using System.Diagnostics;
using System.Text;
using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Formats.Encodings;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>
/// The per-format figures of issue 18, for every seed plan: characters recovered and dev answer accuracy,
/// PdfPig against pdftotext on the same generated PDFs, and appendix rows kept from a table PDF. It OCRs
/// every plan (some twenty minutes on two cores), so it runs only when asked:
/// KH57_MEASURE_IMPORT=1 dotnet run --project tests/KeHoach57.Ingestion.Tests -- -class KeHoach57.Ingestion.Tests.Formats.ImportMeasurements -showLiveOutput
/// To measure less, KH57_MEASURE_PLANS=yen-hoa,hung-yen keeps those plans and KH57_MEASURE_FORMATS=text,scan the
/// formats whose name contains one of the words; KH57_MEASURE_OCR_LANGUAGE=vie+eng OCRs the scans with another Tesseract
/// language setting than Import:OcrLanguage's default. Each file, its imported text and Markdown and how each of its questions
/// fared are written to a folder beside the table, to read where a format loses.
/// </summary>
public class ImportMeasurements
{
    public const string Switch = "KH57_MEASURE_IMPORT";
    public const string PlansSwitch = "KH57_MEASURE_PLANS";
    public const string FormatsSwitch = "KH57_MEASURE_FORMATS";
    public const string OcrLanguageSwitch = "KH57_MEASURE_OCR_LANGUAGE";

    [Fact]
    public async Task Đo_từng_định_dạng_trên_năm_kế_hoạch()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable(Switch) == "1",
            $"a measurement, not a check (it OCRs all five plans, ~20 min): set {Switch}=1 to print the per-format table");
        TestPdf.SkipUnlessFont();
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var report = new StringBuilder("| plan | format | chars recovered | dev answer accuracy | questions | seconds |\n| --- | --- | --- | --- | --- | --- |\n");
        var plans = Listed(PlansSwitch);
        var formats = Listed(FormatsSwitch);
        var scanOptions = new ImportOptions();
        if (Environment.GetEnvironmentVariable(OcrLanguageSwitch) is { Length: > 0 } language) scanOptions.OcrLanguage = language;
        var ocr = OcrTools.HasModels(scanOptions.OcrLanguage) && OcrTools.Has("pdftoppm");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kh57-import-measurements")).FullName;
        foreach (var id in Seeds.Ids.Where(i => plans is null || plans.Contains(i)))
        {
            var cases = RoundTrip.DevCases(id);
            var raw = Seeds.Raw(id);
            var pdf = TestPdf.FromText(raw);
            var files = new List<(string Format, byte[] Bytes, string Name, Func<TestImport>? Importer)>
            {
                ("text export (UTF-8)", Encoding.UTF8.GetBytes(raw), id + ".txt", null),
                ("PDF text layer, PdfPig", pdf, id + ".pdf", null),
                ("PDF text layer, pdftotext", pdf, id + ".pdf", PopplerFirst),
                ("DOCX", TestDocx.FromPlan(Seeds.Document(id)), id + ".docx", null),
            };
            if (id == "bac-giang")
            {
                files.Add(("TCVN3 (.txt)", LegacyVietnamese.ToTcvn3(raw), id + ".txt", null));
                files.Add(("VNI (.txt)", LegacyVietnamese.ToVni(raw), id + ".txt", null));
                files.Add(("Windows-1258 (.txt)", Windows1258(raw), id + ".txt", null));
                files.Add(("UTF-16 (.txt)", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(raw)).ToArray(), id + ".txt", null));
            }
            if (ocr) files.Add(($"scan 300 dpi, tesseract {scanOptions.OcrLanguage}", TestPdf.Scan(pdf), id + "-scan.pdf", () => new TestImport(scanOptions)));
            foreach (var (format, bytes, name, importer) in files.Where(f => formats is null || formats.Any(f.Format.Contains)))
            {
                var clock = Stopwatch.StartNew();
                using var import = importer?.Invoke() ?? new TestImport();
                var result = await import.ReadAsync(bytes, name, TestImport.Curated(id));
                var seconds = clock.Elapsed.TotalSeconds;
                if (result is not ImportedPlan plan)
                {
                    report.Append($"| {id} | {format} | refused: {((ImportRefusal)result).Message} | | | |\n");
                    continue;
                }
                await File.WriteAllBytesAsync(Path.Combine(folder, $"{id} {format}{Path.GetExtension(name)}"), bytes, ct);
                await File.WriteAllTextAsync(Path.Combine(folder, $"{id} {format}.text"), plan.Text, ct);
                await File.WriteAllTextAsync(Path.Combine(folder, $"{id} {format}.md"), plan.Markdown, ct);
                var score = cases is null ? null : await RoundTrip.ScoreAsync(id, plan.Markdown, cases, ct);
                if (score is not null)
                    await File.WriteAllLinesAsync(Path.Combine(folder, $"{id} {format}.answers.txt"),
                        score.Verdicts.Select(v => $"{(v.Ok ? "ok  " : "FAIL")} {v.Case.Id} {v.Case.Question} => {v.Result?.Answer}"), ct);
                var accuracy = score?.Metrics.AnswerAccuracy.ToString("0.000") ?? "n/a";
                var line = $"| {id} | {format} | {RoundTrip.Recall(id, plan):P2} | {accuracy} | {cases?.Count} | {seconds:0.0} |";
                output.WriteLine(line);
                report.Append(line).Append('\n');
            }
        }
        if (formats is null) report.Append('\n').Append(TableRows());
        var path = Path.Combine(Path.GetTempPath(), "kh57-import-measurements.md");
        await File.WriteAllTextAsync(path, report.ToString(), ct);
        output.WriteLine(report.ToString());
        output.WriteLine($"written to {path}, the imported texts to {folder}");
    }

    private static string[]? Listed(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;

    private static TestImport PopplerFirst() =>
        new(readers: options => new DocumentReaders([new PopplerTextReader(options), new PdfTextReader(options)]));

    /// <summary>An appendix table drawn in columns, read by each PDF reader: rows recovered with their STT and their cells.</summary>
    private static string TableRows()
    {
        var sb = new StringBuilder("| reader | table rows kept (STT + every cell in the row) |\n| --- | --- |\n");
        var (pdf, expected) = AppendixPdf.Build();
        var wrapped = Options.Create(new ImportOptions());
        foreach (IDocumentReader reader in new IDocumentReader[] { new PdfTextReader(wrapped), new PopplerTextReader(wrapped) })
        {
            var text = ((ExtractedText)reader.ReadAsync(new SourceFile("t.pdf", pdf), CancellationToken.None).GetAwaiter().GetResult()).Text;
            sb.Append($"| {reader.Name} | {AppendixPdf.RowsKept(text, expected)} of {expected.Count} |\n");
        }
        return sb.ToString();
    }

    /// <summary>Windows-1258 has â, ê, ô, ơ, ư, ă, đ as letters and the five tone marks as separate combining characters.</summary>
    public static byte[] Windows1258(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var tone = decomposed.Where(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323').ToArray();
            sb.Append(new string(decomposed.Where(c => !tone.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC)).Append(tone);
        }
        return Encoding.GetEncoding(1258).GetBytes(sb.ToString());
    }
}
