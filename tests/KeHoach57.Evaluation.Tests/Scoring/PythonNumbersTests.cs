using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Tests.Scoring;

public class PythonNumbersTests
{
    // Expected values are what Python 3 prints for round(x, digits).
    [Theory]
    [InlineData(0.15, 1, 0.1)]
    [InlineData(0.05, 1, 0.1)]
    [InlineData(0.45, 1, 0.5)]
    [InlineData(2.25, 1, 2.2)]
    [InlineData(4.35, 1, 4.3)]
    [InlineData(9.35, 1, 9.3)]
    [InlineData(12.25, 1, 12.2)]
    [InlineData(-0.15, 1, -0.1)]
    [InlineData(2.675, 2, 2.67)]
    [InlineData(123456.785, 2, 123456.79)]
    [InlineData(0.0125, 3, 0.013)]
    [InlineData(0.0375, 3, 0.037)]   // 3/80
    [InlineData(0.0875, 3, 0.087)]   // 7/80
    [InlineData(0.0625, 3, 0.062)]   // an exact tie goes to even
    [InlineData(2.5, 0, 2.0)]
    [InlineData(1e-320, 1, 0.0)]
    public void Làm_tròn_như_round_của_Python(double x, int digits, double expected) =>
        Assert.Equal(expected, PythonNumbers.Round(x, digits));

    [Fact]
    public void Trung_vị_như_statistics_median()
    {
        Assert.Equal(2, PythonNumbers.Median([3, 1, 2]));
        Assert.Equal(1.5, PythonNumbers.Median([2, 1]));
        Assert.Null(PythonNumbers.Median([]));
    }

    [Fact]
    public void P95_lấy_phần_tử_thứ_int_0_95_nhân_n_trừ_1_không_nội_suy()
    {
        var values = Enumerable.Range(1, 20).Select(i => (double)i).Reverse().ToArray();
        Assert.Equal(19, PythonNumbers.P95(values)); // int(0.95 * 19) = 18 → the 19th smallest
        Assert.Equal(7, PythonNumbers.P95([7]));
        Assert.Null(PythonNumbers.P95([]));
    }
}
