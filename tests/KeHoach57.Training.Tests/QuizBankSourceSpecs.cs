using KeHoach57.Core.Documents;
using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Tests.Shared;
using KeHoach57.Training.Quizzes;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Training.Tests;

/// <summary>A bot holds the quiz source, not a bank: after the corpus is swapped (a plan uploaded), /quiz asks the new plans.</summary>
public class QuizBankSourceSpecs
{
    [Fact]
    public async Task Sau_khi_nạp_lại_kho_câu_hỏi_theo_các_kế_hoạch_mới()
    {
        await using var test = await TestAssistant.CreateAsync(settings: new Dictionary<string, string?> { ["Answering:CacheSize"] = "0" });
        var source = test.Services.GetRequiredService<QuizBankSource>();
        var before = source.Current;
        Assert.Contains(before.All, i => i.PlanId == "yen-hoa");

        var holder = test.Services.GetRequiredService<AssistantHolder>();
        var corpus = holder.Stack!.Corpus;
        var without = new Corpus(corpus.Documents.Where(d => d.Info.Id != "yen-hoa").ToList(), corpus.Fingerprint + "-khong-yen-hoa");
        await holder.ApplyAsync(without, TestContext.Current.CancellationToken);

        var after = source.Current;
        Assert.NotSame(before, after);
        Assert.NotEmpty(after.All);
        Assert.DoesNotContain(after.All, i => i.PlanId == "yen-hoa");
    }
}
