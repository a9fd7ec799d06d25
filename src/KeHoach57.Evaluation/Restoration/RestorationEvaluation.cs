using System.Diagnostics;
using KeHoach57.Core.Text;
using KeHoach57.Core.Text.Restoration;

namespace KeHoach57.Evaluation.Restoration;

/// <summary>Milliseconds by the wall clock and of the process's CPU time.</summary>
public readonly record struct Timing(double Wall, double Cpu)
{
    public static Timing operator /(Timing t, int n) => new(t.Wall / n, t.Cpu / n);
}

/// <summary>What restoration-eval prints about speed.</summary>
public sealed record RestorationSpeed(long DataBytes, Timing FirstLoad, Timing MedianLoad, Timing FirstRestore,
    Timing ColdPerClause, Timing WarmPerClause, int Clauses, double MeanChars);

/// <summary>One row of the restoration table: a data set, a restorer, its figures.</summary>
public sealed record RestorationRow(string Set, string Restorer, RestorationScore Score);

/// <summary>
/// The restoration measurement of issue 17. Held-out clean text: the clean plan's paragraphs split in
/// two (<see cref="RestorationTraining.Halves"/>), the shipped model with the corpus's share taken out
/// (word lists and dictionary) plus the first half and the supplements, scored on the second half with its diacritics stripped, and again with synthetic
/// OCR damage. OCR gold set: eval/restoration/test.tsv (hand-restored lines of the four OCR plans),
/// scored with the shipped model; tune.tsv is for fitting the options only. Each set is also scored
/// with no restoration and with the restorer the answers used before (<see cref="BaselineDiacriticRestorer"/>).
/// </summary>
public sealed class RestorationEvaluation
{
    public const int DamageSeed = 57;
    private readonly string _root;
    private readonly string? _modelFile;
    private readonly Lazy<SyllableModel> _model;
    private readonly VietnameseAnalyzer _analyzer = new();

    /// <param name="modelFile">A data file to measure instead of the shipped one (a candidate from restoration-build --output).</param>
    public RestorationEvaluation(string repositoryRoot, string? modelFile = null)
    {
        _root = repositoryRoot;
        _modelFile = modelFile;
        _model = new Lazy<SyllableModel>(() =>
        {
            if (_modelFile is null) return SyllableModel.Default;
            using var stream = OpenModel();
            return SyllableModel.Load(stream);
        });
    }

    /// <summary>The model measured: the shipped one unless a data file was given.</summary>
    public SyllableModel Model => _model.Value;

    private Stream OpenModel() => _modelFile is null
        ? typeof(SyllableModel).Assembly.GetManifestResourceStream(SyllableModel.ResourceName)!
        : File.OpenRead(_modelFile);

    private string Corpus => Path.Combine(_root, "corpus");
    public string GoldFolder => Path.Combine(_root, "eval", "restoration");

    public List<RestorationLine> Gold(string part) => ReadGold(Path.Combine(GoldFolder, part + ".tsv"));

    /// <summary>Reads a gold file: "source TAB restored" per line; "# plan: id" starts a plan's lines.</summary>
    public static List<RestorationLine> ReadGold(string path)
    {
        var lines = new List<RestorationLine>();
        var plan = "";
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# plan:", StringComparison.Ordinal)) { plan = line[7..].Trim(); continue; }
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                throw new FormatException($"{Path.GetFileName(path)}:{number}: expected \"OCR line<TAB>restored line\"");
            lines.Add(new RestorationLine(parts[0], VietnameseText.Normalize(parts[1]), $"{Path.GetFileName(path)}:{number} {plan}"));
        }
        return lines;
    }

    private List<string> CleanParagraphs() =>
        RestorationTraining.Paragraphs(File.ReadAllText(Path.Combine(Corpus, RestorationTraining.CleanPlan + ".md")));

    /// <summary>The held-out lines (folded, and with synthetic damage) and the model trained without them.</summary>
    public (List<RestorationLine> Folded, List<RestorationLine> Damaged, List<string> Train) HeldOut()
    {
        var (train, heldOut) = RestorationTraining.Halves(CleanParagraphs());
        var folded = heldOut.Select((p, i) => new RestorationLine(SyntheticOcr.StripDiacritics(p, _analyzer), p, $"held-out {i}")).ToList();
        var damaged = heldOut.Select((p, i) => new RestorationLine(SyntheticOcr.Damage(p, _analyzer, DamageSeed + i), p, $"held-out {i}")).ToList();
        return (folded, damaged, train);
    }

    /// <summary>The shipped model without the corpus's own text, then with the training half and the supplements as the build adds them: it never saw the held-out half.</summary>
    public SyllableModel HeldOutModel(IEnumerable<string> train) =>
        SyllableModelBuilder.From(Model, _analyzer).RemoveCorpus()
            .AddCorpusTexts(train.Concat(RestorationTraining.Supplements(Corpus, _analyzer.Glossary))).Build();

    public List<RestorationRow> Run(RestorationOptions? options = null)
    {
        var rows = new List<RestorationRow>();
        var (folded, damaged, train) = HeldOut();
        var heldOutRestorer = new SyllableRestorer(HeldOutModel(train), OcrChannel.Default, _analyzer, options);
        var heldOutBaseline = new BaselineDiacriticRestorer(_analyzer, train.Concat(GlossaryText()));
        rows.AddRange(Rows("held-out clean, diacritics stripped", folded, heldOutBaseline, heldOutRestorer));
        rows.AddRange(Rows("held-out clean, synthetic OCR damage", damaged, heldOutBaseline, heldOutRestorer));

        var restorer = new SyllableRestorer(Model, OcrChannel.Default, _analyzer, options);
        var baseline = new BaselineDiacriticRestorer(_analyzer, CleanParagraphs().Concat(GlossaryText()));
        var test = Gold("test");
        rows.AddRange(Rows($"OCR gold, test part ({test.Count} lines)", test, baseline, restorer));
        foreach (var plan in test.GroupBy(l => l.Origin.Split(' ').Last()))
            rows.Add(new RestorationRow($"  of which {plan.Key}", "SyllableRestorer", RestorationScore.Of(plan, restorer, _analyzer)));
        return rows;
    }

    private IEnumerable<string> GlossaryText() => _analyzer.Glossary.Entries.SelectMany(e => e.Expansions);

    private IEnumerable<RestorationRow> Rows(string set, List<RestorationLine> lines, BaselineDiacriticRestorer baseline, SyllableRestorer restorer)
    {
        yield return new RestorationRow(set, "none (source as is)", RestorationScore.Of(lines, s => s, _analyzer));
        yield return new RestorationRow(set, "DiacriticRestorer before #17", RestorationScore.Of(lines, baseline.Restore, _analyzer));
        yield return new RestorationRow(set, "SyllableRestorer", RestorationScore.Of(lines, restorer, _analyzer));
    }

    /// <summary>The name <see cref="Mistakes"/> knows the held-out clean text by (diacritics stripped, read by the model that never saw it).</summary>
    public const string HeldOutPart = "held-out";

    /// <summary>The syllables of a gold part (or of the held-out text) that the restorer gets wrong: "source → restored (confidence) ≠ gold", for reading.</summary>
    public IEnumerable<string> Mistakes(string part, RestorationOptions? options = null)
    {
        var (lines, model) = (part == HeldOutPart ? null : Gold(part), Model);
        if (lines is null)
        {
            var (folded, _, train) = HeldOut();
            (lines, model) = (folded, HeldOutModel(train));
        }
        var restorer = new SyllableRestorer(model, OcrChannel.Default, _analyzer, options);
        foreach (var line in lines)
        {
            var gold = RestorationScore.Units(line.Gold, _analyzer);
            var restored = restorer.Analyze(line.Source);
            for (var i = 0; i < restored.Count && i < gold.Count; i++)
                if (!RestorationScore.Same(restored[i].Restored, gold[i].Text))
                    yield return $"{line.Origin,-22} {restored[i].Source} → {restored[i].Restored} ({restored[i].Confidence:0.00}) ≠ {gold[i].Text}";
        }
    }

    /// <summary>
    /// Fits the channel weight, the cost of a lost mark and the confidence gate (not its letter threshold, which stays as the options
    /// file has it) on the held-out clean text only, read with its
    /// diacritics stripped and with synthetic OCR damage: the most accurate point (both readings together)
    /// whose changed-but-wrong rate stays within <paramref name="maxChangedWrong"/> on each. Each weight and lost-mark cost
    /// decodes once; every gate is then tried on the same decodings (the gate does not change them).
    /// The OCR gold test part is scored at every point as the check, and takes no part in the choice.
    /// </summary>
    public RestorationFit Tune(double maxChangedWrong = RestorationFit.DefaultMaxChangedWrong)
    {
        var (folded, damaged, train) = HeldOut();
        var heldOutModel = HeldOutModel(train);
        var test = Gold("test");
        var points = new List<RestorationFitPoint>();
        foreach (var weight in new[] { 6.0, 8.0, 10.0 })
        foreach (var lostMark in new[] { 0.1, 0.05, 0.025 })
        {
            var decode = RestorationOptions.Default with
            {
                ChannelWeight = weight, LostMarkCost = lostMark, MinConfidence = 0, MinLetterConfidence = 0, MinUnsupportedConfidence = 0,
            };
            var heldOut = new SyllableRestorer(heldOutModel, OcrChannel.Default, _analyzer, decode);
            var shipped = new SyllableRestorer(Model, OcrChannel.Default, _analyzer, decode);
            var foldedProposals = Proposals(folded, heldOut);
            var damagedProposals = Proposals(damaged, heldOut);
            var testProposals = Proposals(test, shipped);
            foreach (var confidence in new[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 })
                foreach (var unsupported in new[] { 0.0, 0.9 })
                {
                    // The letter threshold is not fitted here: the held-out text has no broken letters to mend (its synthetic
                    // damage is what the analyzer repairs surely), so it cannot tell one letter threshold from another.
                    var options = decode with
                    {
                        MinConfidence = confidence, MinLetterConfidence = Math.Max(RestorationOptions.Default.MinLetterConfidence, confidence),
                        MinUnsupportedConfidence = unsupported,
                    };
                    points.Add(new RestorationFitPoint(options, Gate(folded, foldedProposals, options), Gate(damaged, damagedProposals, options),
                        Gate(test, testProposals, options)));
                }
        }
        return new RestorationFit(points, maxChangedWrong);

        RestorationScore Gate(List<RestorationLine> lines, Dictionary<RestorationLine, IReadOnlyList<ProposedSyllable>> proposals, RestorationOptions options) =>
            RestorationScore.Of(lines, line => proposals[line].Select(p => p.Under(options)), _analyzer);
    }

    private static Dictionary<RestorationLine, IReadOnlyList<ProposedSyllable>> Proposals(List<RestorationLine> lines, SyllableRestorer restorer) =>
        lines.Distinct().ToDictionary(l => l, l => restorer.Propose(l.Source));

    /// <summary>
    /// Load time of the data file and restoring speed on ~300-character clauses of the OCR plans (cold
    /// cache, then warm), each as wall-clock and as this process's CPU time: on a shared machine the
    /// wall clock also counts other people's builds.
    /// </summary>
    public RestorationSpeed Speed()
    {
        SyllableModel model = null!;
        var firstLoad = Measure(() => model = Load());
        var loads = Enumerable.Range(0, 5).Select(_ => Measure(() => Load())).OrderBy(t => t.Wall).ToList();
        long bytes;
        using (var s = OpenModel()) bytes = s.Length;

        var clauses = Clauses(300).ToList();
        var restorer = new SyllableRestorer(model, OcrChannel.Default, _analyzer);
        var firstRestore = Measure(() => restorer.Restore(clauses[0]));
        var cold = Measure(() => { foreach (var c in clauses) restorer.Restore(c); }) / clauses.Count;
        const int rounds = 5;
        var warm = Measure(() => { for (var r = 0; r < rounds; r++) foreach (var c in clauses) restorer.Restore(c); }) / (clauses.Count * rounds);
        return new RestorationSpeed(bytes, firstLoad, loads[loads.Count / 2], firstRestore, cold, warm, clauses.Count, clauses.Average(c => c.Length));

        SyllableModel Load()
        {
            using var stream = OpenModel();
            return SyllableModel.Load(stream);
        }
    }

    private static Timing Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        action();
        process.Refresh();
        return new Timing(wall.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>The OCR plans' paragraphs cut at word boundaries into pieces of about <paramref name="length"/> characters.</summary>
    private IEnumerable<string> Clauses(int length)
    {
        foreach (var plan in new[] { "yen-hoa", "truong-giang", "thai-nguyen", "hung-yen" })
            foreach (var paragraph in RestorationTraining.Paragraphs(File.ReadAllText(Path.Combine(Corpus, plan + ".md"))))
                for (var at = 0; at + length / 2 < paragraph.Length;)
                {
                    var end = Math.Min(paragraph.Length, at + length);
                    while (end < paragraph.Length && paragraph[end] != ' ') end++;
                    yield return paragraph[at..end];
                    at = end;
                }
    }
}

/// <summary>One point of the fit: the options and their figures on both held-out readings, and on the OCR gold test part as the check.</summary>
public sealed record RestorationFitPoint(RestorationOptions Options, RestorationScore Folded, RestorationScore Damaged, RestorationScore GoldTest)
{
    public double HeldOutAccuracy => (Folded.Accuracy + Damaged.Accuracy) / 2;
    public double HeldOutChangedWrong => Math.Max(Folded.ChangedWrongRate, Damaged.ChangedWrongRate);
}

/// <summary>The fit's curve and the point it chooses: the most accurate on the held-out text within the changed-but-wrong bound.</summary>
public sealed record RestorationFit(IReadOnlyList<RestorationFitPoint> Points, double MaxChangedWrong)
{
    /// <summary>
    /// Half of issue 17's 1 %: the held-out text lost only its marks (or synthetic damage), while real OCR
    /// also breaks letters, so the same gate changes more words wrongly there.
    /// </summary>
    public const double DefaultMaxChangedWrong = 0.005;

    /// <summary>The chosen point; when no point is within the bound, the one with the fewest wrong changes.</summary>
    public RestorationFitPoint Best =>
        Points.Where(p => p.HeldOutChangedWrong <= MaxChangedWrong).MaxBy(p => p.HeldOutAccuracy)
        ?? Points.MinBy(p => p.HeldOutChangedWrong)!;
}
