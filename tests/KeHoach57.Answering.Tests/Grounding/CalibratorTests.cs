using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Selection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Tests.Grounding;

public class CalibratorTests(AnsweringFixture fixture)
{
    [Fact]
    public void Mô_hình_nhúng_khớp_các_đặc_trưng_của_pipeline() =>
        Assert.Equal(ConfidenceFeatures.Names, fixture.Get<Calibrator>().Model.Features);

    [Fact]
    public void Mô_hình_lệch_đặc_trưng_bị_từ_chối_lúc_khởi_động()
    {
        var model = new CalibrationModel(["coverage"], [1], 0, 0.5);
        var error = Assert.Throws<InvalidDataException>(() => new Calibrator(model));
        Assert.Contains("eval fit", error.Message);
    }

    [Fact]
    public void Xác_suất_theo_hàm_logistic_và_ngưỡng()
    {
        var weights = new double[ConfidenceFeatures.Names.Length];
        weights[0] = 10; // coverage
        var calibrator = new Calibrator(new CalibrationModel(ConfidenceFeatures.Names, weights, -5, 0.5));
        var low = new double[weights.Length];
        var high = new double[weights.Length];
        high[0] = 1;
        Assert.True(calibrator.Probability(high) > calibrator.Probability(low));
        Assert.True(calibrator.Accepts(calibrator.Probability(high)));
        Assert.False(calibrator.Accepts(calibrator.Probability(low)));
    }

    [Fact]
    public void Trọng_số_chọn_câu_đi_cùng_bộ_hiệu_chỉnh_khi_cấu_hình_không_nói_gì()
    {
        var fitted = CalibrationModel.Load(null).Selection;
        Assert.NotNull(fitted);
        var used = Selection(new Dictionary<string, string?>());
        Assert.Equal(fitted.Coverage, used.Coverage);
        Assert.Equal(fitted.RunOnPenalty, used.RunOnPenalty);
        Assert.Equal(fitted.Passages, used.Passages);
        // The file is what was fitted, not the class's first guess: the two must not be silently the same object.
        Assert.NotSame(fitted, used);
    }

    [Fact]
    public void Tệp_hiệu_chỉnh_đọc_theo_khuôn_dựng_sẵn_cho_đúng_mô_hình_như_đọc_bằng_phản_chiếu()
    {
        var json = Core.Text.DataLines.ReadEmbedded(typeof(Calibrator).Assembly, "KeHoach57.Answering.Grounding.calibration.json");
        var byReflection = System.Text.Json.JsonSerializer.Deserialize<CalibrationModel>(json, new System.Text.Json.JsonSerializerOptions())!;
        var loaded = CalibrationModel.Load(null);
        Assert.Equal(byReflection.Features, loaded.Features);
        Assert.Equal(byReflection.Weights, loaded.Weights);
        Assert.Equal((byReflection.Bias, byReflection.Threshold, byReflection.FittedOn, byReflection.Note),
            (loaded.Bias, loaded.Threshold, loaded.FittedOn, loaded.Note));
        // Every selection weight, written out the same way.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(byReflection.Selection, new System.Text.Json.JsonSerializerOptions()),
            System.Text.Json.JsonSerializer.Serialize(loaded.Selection, new System.Text.Json.JsonSerializerOptions()));
        Assert.NotNull(loaded.Selection);
    }

    [Fact]
    public void Mục_Selection_trong_cấu_hình_vẫn_đè_từng_trọng_số()
    {
        var fitted = CalibrationModel.Load(null).Selection!;
        var used = Selection(new Dictionary<string, string?> { ["Selection:Coverage"] = "3.5" });
        Assert.Equal(3.5, used.Coverage);
        Assert.Equal(fitted.Local, used.Local);
    }

    private static SelectionOptions Selection(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddAnswering(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<SelectionOptions>>().Value;
    }

    [Fact]
    public void Khi_tắt_hiệu_chỉnh_mô_hình_lệch_đặc_trưng_được_gác_lại_để_khớp_lại()
    {
        var stale = Path.Combine(Path.GetTempPath(), $"kh57-stale-{Guid.NewGuid():N}.json");
        File.WriteAllText(stale, System.Text.Json.JsonSerializer.Serialize(new CalibrationModel(["coverage"], [1], 0, 0.5)));
        try
        {
            var off = new Calibrator(CalibrationModel.For(new AnsweringOptions { CalibrationPath = stale, Calibrate = false }));
            Assert.Equal(ConfidenceFeatures.Names, off.Model.Features);
            Assert.Throws<InvalidDataException>(() => new Calibrator(CalibrationModel.For(new AnsweringOptions { CalibrationPath = stale, Calibrate = true })));
        }
        finally { File.Delete(stale); }
    }
}
