using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Validation;
using KeHoach57.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Evaluation.Tests.Validation;

/// <summary>The repository's own eval sets against the repository's own corpus, as the app loads it.</summary>
public class EvalFolderValidationTests
{
    [Fact]
    public void Mọi_câu_trong_eval_còn_bằng_chứng_trong_corpus_đang_nạp()
    {
        var folder = RepositoryPaths.Resolve("eval");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToList() : [];
        var cases = EvalSetReader.ReadAll(files).SelectMany(s => s.Cases).ToList();
        if (cases.Count == 0) Assert.Skip($"{folder} chưa có câu eval nào (*.jsonl): chưa có gì để kiểm với corpus");

        var configuration = new ConfigurationBuilder().AddAssistantConfiguration().Build();
        using var services = new ServiceCollection().AddAssistant(configuration).BuildServiceProvider();
        var corpus = services.GetRequiredService<Corpus>();
        Assert.True(corpus.Documents.Count > 0, "corpus/ không có tài liệu nào: mọi câu eval đều mất bằng chứng");

        var result = new EvalSetValidator(corpus).Validate(cases);

        foreach (var warning in result.Warnings) TestContext.Current.TestOutputHelper?.WriteLine("cảnh báo: " + warning);
        Assert.True(result.Valid, $"{result.Errors.Count} câu eval không còn khớp corpus:\n" + string.Join("\n", result.Errors));
    }
}
