using System.Text;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Running;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Evaluation.Tests.Running;

public class AblationRunnerTests
{
    [Fact]
    public async Task Mỗi_cơ_chế_tắt_một_lần_trên_container_mới_với_chỉ_mục_tạm_riêng_rồi_xoá()
    {
        var cases = TestSets.Parse(
            """{"id": "tg-1", "question": "Phong nao chu tri kinh phi?", "doc": "truong-giang", "type": "department", "answer_any": [["Kinh tế"]], "evidence": "phong kinh te chu tri bao dam nguon kinh phi"}""").Cases;
        var built = new List<IReadOnlyDictionary<string, string?>>();
        ServiceProvider Build(IReadOnlyDictionary<string, string?> overrides)
        {
            built.Add(overrides);
            return TestCorpus.Services(TestCorpus.Plans, overrides["Index:DataPath"]!, overrides);
        }

        var runs = new List<EvalRun>();
        await foreach (var run in new AblationRunner(Build, new EvalRunner()).RunAsync(cases, [EvalVariant.Question, EvalVariant.QuestionPlain], TestContext.Current.CancellationToken))
            runs.Add(run);

        Assert.Equal(AblationRunner.Switches.Count + 1, built.Count);
        Assert.Equal(2 * built.Count, runs.Count);
        Assert.Equal(AblationRunner.SystemName(null), runs[0].System);
        foreach (var key in AblationRunner.Switches)
            Assert.Single(built, o => o.TryGetValue(key, out var v) && v == "false");
        var dataPaths = built.Select(o => o["Index:DataPath"]!).ToList();
        Assert.Equal(dataPaths.Count, dataPaths.Distinct().Count());
        Assert.All(dataPaths, p => Assert.StartsWith(Path.GetTempPath(), p));
        Assert.All(dataPaths, p => Assert.False(Directory.Exists(p), $"{p} còn lại sau khi chạy"));
        Assert.All(built, o => Assert.Equal("embedded", o["Index:Backend"]));
    }
}
