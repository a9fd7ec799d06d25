using KeHoach57.Answering.Grounding;

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
}
