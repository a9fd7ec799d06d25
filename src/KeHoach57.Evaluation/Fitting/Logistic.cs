namespace KeHoach57.Evaluation.Fitting;

/// <summary>
/// Logistic regression, L2-regularised, fitted by full-batch gradient descent on standardised features and
/// returned on the original scale. A dozen features and a few hundred questions need nothing heavier.
/// </summary>
public static class Logistic
{
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2 = 0.01, int iterations = 4000, double rate = 0.5)
    {
        if (x.Count == 0) return (new double[KeHoach57.Answering.Grounding.ConfidenceFeatures.Names.Length], -5);
        var n = x.Count;
        var d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = x.Average(r => r[j]);
            var sd = Math.Sqrt(x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j])));
            scale[j] = sd < 1e-9 ? 1 : sd;
        }
        var w = new double[d];
        double b = 0;
        for (var it = 0; it < iterations; it++)
        {
            var gw = new double[d];
            double gb = 0;
            for (var i = 0; i < n; i++)
            {
                var z = b;
                for (var j = 0; j < d; j++) z += w[j] * (x[i][j] - mean[j]) / scale[j];
                var err = 1 / (1 + Math.Exp(-z)) - (y[i] ? 1 : 0);
                for (var j = 0; j < d; j++) gw[j] += err * (x[i][j] - mean[j]) / scale[j];
                gb += err;
            }
            for (var j = 0; j < d; j++) w[j] -= rate * (gw[j] / n + l2 * w[j]);
            b -= rate * gb / n;
        }
        // Back to the features' own scale: z = b + Σ w_j (x_j − m_j)/s_j.
        var weights = new double[d];
        var bias = b;
        for (var j = 0; j < d; j++)
        {
            weights[j] = Math.Round(w[j] / scale[j], 6);
            bias -= w[j] * mean[j] / scale[j];
        }
        return (weights, Math.Round(bias, 6));
    }
}
