using KeHoach57.Answering.Grounding;
using KeHoach57.Core.Answers;
using KeHoach57.Tests.Shared;

namespace KeHoach57.Answering.Tests;

/// <summary>A question asked of two plans: once one plan's answer stands, the other's needs less to stand.</summary>
public class ComparisonSpecs
{
    private const string Question = "Hạn để các sở, ngành hoàn thành kế hoạch triển khai chi tiết ở tỉnh Bắc Giang và ở tỉnh Hưng Yên là khi nào?";

    private static async Task<AnswerRecord> AskWithBar(string bar)
    {
        await using var test = await TestAssistant.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Answering:CacheSize"] = "0",
            ["Answering:ComparisonSideThreshold"] = bar,
        });
        return await test.Assistant.AskAsync(new AskRequest(Question), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Một_kế_hoạch_đã_trả_lời_thì_kế_hoạch_kia_được_xét_với_ngưỡng_thấp_hơn()
    {
        // With the bar at the calibrator's own threshold each plan stands alone: Hưng Yên's side is not found.
        var alone = await AskWithBar("1");
        Assert.Contains("Tỉnh Bắc Giang: tháng 2/2025", alone.Line);
        Assert.Contains("Tỉnh Hưng Yên: chưa tìm thấy", alone.Line);
        // With the lowest bar, Hưng Yên's best value stands beside Bắc Giang's answer, with its own source.
        var lowered = await AskWithBar("0.01");
        Assert.Contains("Tỉnh Bắc Giang: tháng 2/2025", lowered.Line);
        Assert.DoesNotContain("chưa tìm thấy", lowered.Line);
        Assert.Contains(lowered.Citations, c => c.Doc == "hung-yen");
    }

    [Fact]
    public void Ngưỡng_hạ_thấp_không_bao_giờ_nâng_ngưỡng_của_bộ_hiệu_chỉnh()
    {
        var calibrator = new Calibrator(new CalibrationModel(ConfidenceFeatures.Names, new double[ConfidenceFeatures.Names.Length], 0, 0.7));
        Assert.False(calibrator.Accepts(0.5));
        Assert.True(calibrator.Accepts(0.5, 0.4));
        // A "lower" bar above the model's own changes nothing.
        Assert.True(calibrator.Accepts(0.75, 0.9));
    }
}
