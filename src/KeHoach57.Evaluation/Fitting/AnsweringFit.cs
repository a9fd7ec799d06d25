using KeHoach57.Answering;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Pipeline;
using KeHoach57.Answering.Selection;
using KeHoach57.Core.Answers;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;
using KeHoach57.Evaluation.Scoring;
using KeHoach57.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Evaluation.Fitting;

/// <summary>One question of the tune half as the fitting sees it: every pair the pipeline weighed, whether each would answer right.</summary>
/// <param name="Answerable">The plans answer it (doc set); an unanswerable question is right only when refused.</param>
/// <param name="Pairs">Only for questions answered by one run of the pipeline (not per-plan comparisons, not a plan's header).</param>
/// <param name="Outside">For the others: whether the assistant's own answer (or refusal) was right; nothing to fit on them.</param>
public sealed record FitSample(string Fact, bool Answerable, IReadOnlyList<FitPair> Pairs, int Clauses, Func<Selected, double[]>? Features, bool? Outside = null)
{
    /// <summary>For diagnosis: the question, its variant, and whether the passages read hold its evidence.</summary>
    public string Id { get; init; } = "";
    public string Question { get; init; } = "";
    public bool EvidenceRead { get; init; }
    public string Kind { get; init; } = "";
}

public sealed record FitPair(Choice Choice, bool Right);

/// <summary>The fitted weights, the calibrator, and what they scored on the tune half and in cross-validation.</summary>
public sealed record FitResult(SelectionOptions Weights, CalibrationModel Calibration, FitFigures Tune, FitFigures CrossValidated, IReadOnlyList<string> Log);

/// <param name="Selection">Share of answerable questions whose best pair answers right (before calibration).</param>
/// <param name="Accuracy">Share of answerable questions answered right after calibration.</param>
/// <param name="Refusal">Share of unanswerable questions refused.</param>
/// <param name="AnswerableRefused">Share of answerable questions refused.</param>
/// <param name="Risk">Share of answers given that are wrong.</param>
public sealed record FitFigures(double Selection, double Accuracy, double Refusal, double AnswerableRefused, double Risk);

/// <summary>
/// Fits answering to the tune half (`eval fit`), in two documented steps:
/// 1. selection weights by coordinate ascent: each weight in turn over a grid, keeping the value under which most
///    answerable questions have a right answer as their best (clause, value) pair; rounds until nothing improves;
/// 2. the calibrator: logistic regression of "the answer given is right" on the chosen pair's confidence features
///    (L2-regularised, gradient descent), over answerable and unanswerable questions alike; its threshold maximises,
///    over the answers of the cross-validation folds' held-out questions,
///    right answers minus a wrong-answer cost (<see cref="DefaultWrongCost"/>) times wrong ones (a wrong answer costs more than a refusal).
/// Five-fold cross-validation by fact reports how both steps do on questions they were not fitted on.
/// </summary>
public sealed class AnsweringFit
{
    /// <summary>
    /// How many right answers one wrong answer is worth losing, unless `eval fit --wrong-cost` says otherwise. Chosen on
    /// the cross-validated figures of the pooled held-out threshold (2: accuracy 0.426, refusal 0.955, risk 0.108;
    /// 3: 0.420, 0.955, 0.109; 4: 0.320, 0.955, 0.076): 2 and 3 cut at the same place; 3 leans to refusing.
    /// </summary>
    public const double DefaultWrongCost = 3;

    private const int Folds = 5;
    private static readonly double[] Grid = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3];

    public static async Task<List<FitSample>> CollectAsync(Func<Action<IServiceCollection>, ServiceProvider> build, IReadOnlyList<EvalCase> cases,
        IReadOnlyList<EvalVariant> variants, Action<string>? log, CancellationToken cancellationToken)
    {
        var runs = new RunCollector();
        await using var services = build(s => s.AddSingleton<IPipelineObserver>(runs));
        var assistant = await services.PrepareAssistantAsync(cancellationToken);
        var composer = services.GetRequiredService<AnswerComposer>();
        var samples = new List<FitSample>();
        var lines = new Dictionary<(string, string, string), bool>();
        foreach (var variant in variants)
        {
            log?.Invoke($"thu thập {variant.Name()}: {cases.Count} câu");
            foreach (var c in cases.Where(c => c.DialogueId is null))
            {
                runs.Clear();
                var question = c.QuestionFor(variant);
                var record = await assistant.AskAsync(new AskRequest(question, c.Scope), cancellationToken);
                var answerable = c.Doc is not null;
                if (runs.Count != 1)
                {
                    var right = answerable ? record.Answered && ScoreText.AnswerMatches(c.AnswerAny, record.Line) : !record.Answered;
                    samples.Add(new FitSample(c.Fact, answerable, [], 0, null, right));
                    continue;
                }
                var run = runs.Single;
                var pairs = run.Selected.Pairs.Select(p =>
                {
                    var key = (c.Id + variant, p.Clause.Chunk.Id, string.Join("|", p.Values.Select(v => v.Display)));
                    if (!lines.TryGetValue(key, out var right))
                        lines[key] = right = answerable && ScoreText.AnswerMatches(c.AnswerAny, composer.Line(run.Question, p).Line);
                    return new FitPair(p, right);
                }).ToList();
                samples.Add(new FitSample(c.Fact, answerable, pairs, run.Selected.Clauses, s => ConfidenceFeatures.Of(run.Question, s))
                {
                    Id = c.Id,
                    Question = question,
                    Kind = run.Question.Primary.ToString(),
                    EvidenceRead = answerable && run.Passages.Take(services.GetRequiredService<ClauseSelector>().PassagesRead)
                        .Any(p => ScoreText.EvidenceHit(c.Evidence, p.Chunk.Passage)),
                });
            }
        }
        return samples;
    }

    public static FitResult Fit(IReadOnlyList<FitSample> samples, SelectionOptions start, double wrongCost = DefaultWrongCost, CalibrationModel? current = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wrongCost, 1);
        var log = new List<string>();
        // The model in use, measured on the same answers: a refit is worth writing only if it beats this on them.
        if (current is not null && current.Features.SequenceEqual(ConfidenceFeatures.Names))
        {
            var now = Measure(samples, start, current);
            log.Add($"current model on these answers: accuracy {now.Accuracy:0.000}, refusal {now.Refusal:0.000}, answerable refused {now.AnswerableRefused:0.000}, risk {now.Risk:0.000}");
        }

        // Cross-validation first: the threshold is chosen on answers each fold's model had not seen, pooled, since
        // a cut chosen on the answers the model was fitted on sits where the model is overconfident.
        var facts = samples.Select(s => s.Fact).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        var fold = facts.Select((f, i) => (f, i % Folds)).ToDictionary(x => x.f, x => x.Item2);
        var folds = new List<(List<FitSample> Test, SelectionOptions Weights, CalibrationModel Model)>();
        var pooled = new List<(double P, bool Y)>();
        for (var k = 0; k < Folds; k++)
        {
            var train = samples.Where(s => fold[s.Fact] != k).ToList();
            var w = FitWeights(train, start, []);
            var m = FitCalibrator(train, w);
            var test = samples.Where(s => fold[s.Fact] == k).ToList();
            var c = new Calibrator(m);
            pooled.AddRange(Examples(test, w).Select(e => (c.Probability(e.X), e.Y)));
            folds.Add((test, w, m));
        }
        var threshold = Threshold(pooled, wrongCost);

        var weights = FitWeights(samples, start, log);
        var model = FitCalibrator(samples, weights) with { Threshold = threshold };
        var tune = Measure(samples, weights, model);
        var examples = Examples(samples, weights).ToList();
        var calibrator = new Calibrator(model);
        log.Add($"calibrator: AUC {Auc(examples.Select(e => (calibrator.Probability(e.X), e.Y)).ToList()):0.000} on {examples.Count} answers ({examples.Count(e => e.Y)} right; held-out AUC {Auc(pooled):0.000}), threshold {model.Threshold:0.###}; weights "
            + string.Join(", ", model.Features.Zip(model.Weights).Select(p => $"{p.First} {p.Second:0.##}")));
        log.Add($"tune: selection {tune.Selection:0.000}, accuracy {tune.Accuracy:0.000}, refusal {tune.Refusal:0.000}, answerable refused {tune.AnswerableRefused:0.000}, risk {tune.Risk:0.000}");
        var held = new List<(FitSample, SelectionOptions, Calibrator)>();
        foreach (var (test, w, m) in folds)
        {
            var c = new Calibrator(m with { Threshold = threshold });
            held.AddRange(test.Select(s => (s, w, c)));
        }
        var cv = Measure(held);
        log.Add($"cross-validated ({Folds} folds by fact, the pooled threshold): selection {cv.Selection:0.000}, accuracy {cv.Accuracy:0.000}, refusal {cv.Refusal:0.000}, answerable refused {cv.AnswerableRefused:0.000}, risk {cv.Risk:0.000}");
        return new FitResult(weights, model, tune, cv, log);
    }

    private static readonly (string Name, Func<SelectionOptions, double> Get, Action<SelectionOptions, double> Set)[] Knobs =
    [
        ("Coverage", o => o.Coverage, (o, v) => o.Coverage = v),
        ("Local", o => o.Local, (o, v) => o.Local = v),
        ("Closeness", o => o.Closeness, (o, v) => o.Closeness = v),
        ("Strength", o => o.Strength, (o, v) => o.Strength = v),
        ("Retrieval", o => o.Retrieval, (o, v) => o.Retrieval = v),
        ("RankPenalty", o => o.RankPenalty, (o, v) => o.RankPenalty = Math.Min(v, 1)),
        ("YearFit", o => o.YearFit, (o, v) => o.YearFit = v),
        ("Secondary", o => o.Secondary, (o, v) => o.Secondary = v),
        ("RunOnPenalty", o => o.RunOnPenalty, (o, v) => o.RunOnPenalty = v),
    ];

    private static SelectionOptions FitWeights(IReadOnlyList<FitSample> samples, SelectionOptions start, List<string> log)
    {
        var w = Copy(start);
        var usable = samples.Where(s => s.Answerable && s.Pairs.Any(p => p.Right)).ToList();
        var best = Right(usable, w);
        log.Add($"selection: {best}/{samples.Count(s => s.Answerable)} right at the start ({usable.Count} have a right pair at all)");
        for (var round = 0; round < 6; round++)
        {
            var improved = false;
            foreach (var (name, get, set) in Knobs)
            {
                var keep = get(w);
                foreach (var v in Grid)
                {
                    set(w, v);
                    var score = Right(usable, w);
                    // Ties keep the smaller change from where the weight was: no drift without a reason.
                    if (score > best) { best = score; keep = v; improved = true; }
                }
                set(w, keep);
            }
            log.Add($"round {round + 1}: {best} right — " + string.Join(", ", Knobs.Select(k => $"{k.Name} {k.Get(w):0.##}")));
            if (!improved) break;
        }
        return w;
    }

    private static int Right(IReadOnlyList<FitSample> samples, SelectionOptions w) =>
        samples.Count(s => s.Pairs.Where(p => !p.Choice.Primary.OffKind).MaxBy(p => p.Choice.Features.Score(w)) is { Right: true });

    /// <summary>Features and label of each question's answer under the weights: (features, answered right), or null when nothing was selected.</summary>
    private static IEnumerable<(double[] X, bool Y, bool Answerable)> Examples(IEnumerable<FitSample> samples, SelectionOptions w)
    {
        foreach (var s in samples)
        {
            if (s.Features is null || s.Pairs.Count == 0) continue;
            var selected = Selected.Pick(s.Pairs.Select(p => p.Choice).ToList(), s.Clauses, c => c.Features.Score(w));
            if (selected.Best is null) continue;
            var right = s.Pairs.First(p => ReferenceEquals(p.Choice.Clause, selected.Best.Clause) && p.Choice.Primary == selected.Best.Primary).Right;
            yield return (s.Features(selected), right, s.Answerable);
        }
    }

    private static CalibrationModel FitCalibrator(IReadOnlyList<FitSample> samples, SelectionOptions w)
    {
        var data = Examples(samples, w).ToList();
        var (weights, bias) = Logistic.Fit(data.Select(d => d.X).ToList(), data.Select(d => d.Y).ToList());
        return new CalibrationModel(ConfidenceFeatures.Names, weights, bias, 0.5, "tune half", "");
    }

    /// <summary>Bootstrap resamples the threshold is the median of.</summary>
    private const int Resamples = 200;

    /// <summary>
    /// The cut that maximises right answers minus wrongCost × wrong ones, as the median over bootstrap resamples of the
    /// scored answers: the utility is flat over a wide band of cuts, and the one cut that tops it on a single sample
    /// jumps across that band with any small change of the engine (0.76 ↔ 0.83 on the same features).
    /// </summary>
    private static double Threshold(IReadOnlyList<(double P, bool Y)> scored, double wrongCost)
    {
        if (scored.Count == 0) return 1.01;
        var random = new Random(57);
        var cuts = new List<double>(Resamples);
        var sample = new (double P, bool Y)[scored.Count];
        for (var b = 0; b < Resamples; b++)
        {
            for (var i = 0; i < sample.Length; i++) sample[i] = scored[random.Next(scored.Count)];
            cuts.Add(BestCut(sample, wrongCost));
        }
        cuts.Sort();
        return Math.Round(cuts[cuts.Count / 2], 4);
    }

    private static double BestCut(IEnumerable<(double P, bool Y)> scored, double wrongCost)
    {
        double best = 0, threshold = 1.01, utility = 0;
        foreach (var (p, y) in scored.OrderByDescending(d => d.P))
        {
            utility += y ? 1 : -wrongCost;
            if (utility > best) { best = utility; threshold = p; }
        }
        return threshold;
    }

    private static FitFigures Measure(IReadOnlyList<FitSample> samples, SelectionOptions w, CalibrationModel m)
    {
        var calibrator = new Calibrator(m);
        return Measure(samples.Select(s => (s, w, calibrator)).ToList());
    }

    private static FitFigures Measure(IReadOnlyList<(FitSample Sample, SelectionOptions Weights, Calibrator Calibrator)> held)
    {
        int answerable = 0, unanswerable = 0, selectedRight = 0, right = 0, refusedOk = 0, answerableRefused = 0, wrongAnswers = 0, answers = 0;
        foreach (var (s, w, calibrator) in held)
        {
            if (s.Answerable) answerable++; else unanswerable++;
            if (s.Outside is { } outside)
            {
                if (s.Answerable && outside) { selectedRight++; right++; answers++; }
                else if (!s.Answerable && outside) refusedOk++;
                else if (s.Answerable) answerableRefused++;
                else { answers++; wrongAnswers++; }
                continue;
            }
            var example = Examples([s], w).Cast<(double[] X, bool Y, bool Answerable)?>().FirstOrDefault();
            if (example is not { } e)
            {
                if (s.Answerable) answerableRefused++; else refusedOk++;
                continue;
            }
            if (s.Answerable && e.Y) selectedRight++;
            var accepted = calibrator.Accepts(calibrator.Probability(e.X));
            if (!accepted)
            {
                if (s.Answerable) answerableRefused++; else refusedOk++;
                continue;
            }
            answers++;
            if (e.Y) right++; else wrongAnswers++;
        }
        return new FitFigures(
            Ratio(selectedRight, answerable), Ratio(right, answerable), Ratio(refusedOk, unanswerable),
            Ratio(answerableRefused, answerable), Ratio(wrongAnswers, answers));
    }

    /// <summary>Area under the ROC curve: how well the probability ranks right answers above wrong ones.</summary>
    private static double Auc(IReadOnlyList<(double P, bool Y)> scored)
    {
        var pos = scored.Where(s => s.Y).Select(s => s.P).ToList();
        var neg = scored.Where(s => !s.Y).Select(s => s.P).ToList();
        if (pos.Count == 0 || neg.Count == 0) return 0.5;
        double wins = 0;
        foreach (var p in pos) foreach (var n in neg) wins += p > n ? 1 : p == n ? 0.5 : 0;
        return wins / (pos.Count * (double)neg.Count);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : Math.Round((double)a / b, 3);

    private static SelectionOptions Copy(SelectionOptions o)
    {
        var copy = new SelectionOptions();
        o.CopyTo(copy);
        return copy;
    }

    private sealed class RunCollector : IPipelineObserver
    {
        private readonly List<PipelineRun> _runs = [];
        public int Count => _runs.Count;
        public PipelineRun Single => _runs[0];
        public void Clear() => _runs.Clear();
        public void Observe(PipelineRun run) => _runs.Add(run);
    }
}
