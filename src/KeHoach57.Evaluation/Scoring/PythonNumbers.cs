using System.Numerics;

namespace KeHoach57.Evaluation.Scoring;

/// <summary>
/// The number handling score.py gets from Python, so every reported figure is the same to the last digit.
/// </summary>
public static class PythonNumbers
{
    /// <summary>
    /// Python's round(x, digits): half-to-even on the double's exact binary value. Math.Round scales by
    /// 10^digits first, and that multiplication can itself round onto a tie: round(0.15, 1) is 0.1 in
    /// Python (0.15 is really 0.1499…) while Math.Round(0.15, 1) gives 0.2.
    /// </summary>
    public static double Round(double x, int digits)
    {
        if (!double.IsFinite(x) || x == 0) return x;
        var negative = x < 0;
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075; // |x| = mantissa · 2^exponent exactly

        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, digits);
        BigInteger n;
        if (exponent >= 0) n = scaled << exponent;
        else
        {
            var denominator = BigInteger.One << -exponent;
            n = BigInteger.DivRem(scaled, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !n.IsEven)) n += 1;
        }
        // n and 10^digits are exact doubles here, and IEEE division rounds correctly, as Python's
        // conversion of the rounded decimal string does.
        var result = (double)n / Math.Pow(10, digits);
        return negative ? -result : result;
    }

    /// <summary>statistics.median: the middle value, or the mean of the two middle values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>score.py's p95: sorted(values)[int(0.95 * (len - 1))], a nearest-rank figure without interpolation.</summary>
    public static double? P95(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[(int)(0.95 * (sorted.Length - 1))];
    }
}
