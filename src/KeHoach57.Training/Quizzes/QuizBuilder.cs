using KeHoach57.Answering.Composition;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>
/// Turns the plans' facts into questions, deterministically (same corpus, same items, same order):
/// <list type="bullet">
/// <item>recall: one plan's fact, options of the same kind from other rows and plans;</item>
/// <item>compare: which plan says a thing, or another plan's value for the same subject (the first plan's value is the trap);</item>
/// <item>section: where in the plan a fact is said, options from the plan's other sections.</item>
/// </list>
/// Every distractor is checked against the cited passage (its value must not be there) and, for "which plan" and
/// "which section", against the other plans' and sections' text (they must not say the same thing).
/// </summary>
public sealed class QuizBuilder(Corpus corpus, SourceLabels labels, FactContext context, IEnumerable<IFactSource> sources)
{
    private const int Distractors = 3;
    private const double SameSubject = 0.5;
    private readonly Dictionary<QuizKind, IFactSource> _sources = sources.ToDictionary(s => s.Kind);
    private readonly Dictionary<(QuizKind, string), IReadOnlySet<string>> _values = new();
    private readonly Dictionary<QuizKind, IReadOnlyList<string>> _mentioned = new();

    public IFactSource Source(QuizKind kind) => _sources[kind];

    public IReadOnlyList<PlanFact> Facts()
    {
        var seen = new HashSet<string>();
        var facts = new List<PlanFact>();
        foreach (var plan in corpus.Documents)
        foreach (var source in _sources.Values)
        foreach (var fact in source.Read(plan))
            if (seen.Add($"{fact.PlanId}|{fact.Kind}|{source.Key(fact.Value)}|{FactText.Compact(fact.Subject)}"))
                facts.Add(fact);
        return facts;
    }

    public IReadOnlyList<QuizItem> Build()
    {
        var facts = Facts();
        var items = new List<QuizItem>();
        foreach (var (fact, n) in Numbered(facts))
        {
            var id = $"{fact.ChunkId}/{Slug(fact.Kind)}-{n}";
            foreach (var item in new[] { Recall(fact, id, facts), Section(fact, id), WhichPlan(fact, id), Contrast(fact, id, facts) })
                if (item is not null && ReadsAsVietnamese(item.Stem)) items.Add(item);
        }
        return items;
    }

    /// <summary>Share of a stem's words that must be syllables: the subject passed its own bar, but the OCR's split debris ("tt'c") counts twice here.</summary>
    public const double MinStemSyllableShare = 0.8;

    private static bool ReadsAsVietnamese(string stem) => VietnameseSyllables.Share(stem) is not { } share || share >= MinStemSyllableShare;

    /// <summary>Number facts within their passage and kind, so an id survives edits elsewhere in the plan.</summary>
    private static IEnumerable<(PlanFact, int)> Numbered(IReadOnlyList<PlanFact> facts)
    {
        var counts = new Dictionary<string, int>();
        foreach (var f in facts)
        {
            var key = f.ChunkId + f.Kind;
            counts[key] = counts.GetValueOrDefault(key) + 1;
            yield return (f, counts[key]);
        }
    }

    private QuizItem? Recall(PlanFact fact, string id, IReadOnlyList<PlanFact> facts)
    {
        var itemId = id + "/nho";
        var citation = Cite(fact);
        var wrong = ValueDistractors(fact, citation.Passage, facts, itemId, []);
        return wrong.Count < Distractors ? null
            : Item(itemId, fact, fact.Kind, QuizLevel.Recall, $"Theo {labels.Plan(fact.PlanId)}, {fact.Question}", fact.Value, wrong, citation, fact.Accept);
    }

    /// <summary>Another plan's value for the same subject, with the first plan's value among the options.</summary>
    private QuizItem? Contrast(PlanFact fact, string id, IReadOnlyList<PlanFact> facts)
    {
        var source = _sources[fact.Kind];
        var itemId = id + "/so-sanh";
        var citation = Cite(fact);
        var inPassage = source.ValuesIn(citation.Passage);
        // The closest subject in another plan whose value this passage does not also hold.
        var other = facts
            .Where(f => f.Kind == fact.Kind && f.PlanId != fact.PlanId && !inPassage.Contains(source.Key(f.Value))
                        && Similar(f.ShownWords, fact.ShownWords) >= SameSubject && SameCodes(f.ShownWords, fact.ShownWords))
            .OrderByDescending(f => Similar(f.ShownWords, fact.ShownWords)).ThenBy(f => f.ChunkId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (other is null) return null;
        var wrong = ValueDistractors(fact, citation.Passage, facts, itemId, [other.Value]);
        if (wrong.Count < Distractors) return null;
        var stem = $"{FactText.Capitalize(labels.Plan(other.PlanId))} nêu {other.Statement}. Còn theo {labels.Plan(fact.PlanId)}, {fact.Question}";
        return Item(itemId, fact, fact.Kind, QuizLevel.Compare, stem, fact.Value, wrong, citation, fact.Accept);
    }

    /// <summary>Which plan says it: the other plans must not hold the value in a clause about the same subject.</summary>
    private QuizItem? WhichPlan(PlanFact fact, string id)
    {
        var source = _sources[fact.Kind];
        var key = source.Key(fact.Value);
        var wrong = corpus.Documents
            .Where(d => d.Info.Id != fact.PlanId && !Says(d, source, key, fact))
            .Select(d => labels.Plan(d.Info.Id))
            .OrderBy(l => FactText.Hash(id + l)).Take(Distractors).ToList();
        return wrong.Count < Distractors ? null
            : Item(id + "/ke-hoach", fact, QuizKind.Plan, QuizLevel.Compare, $"Kế hoạch nào nêu: {fact.Statement}?",
                labels.Plan(fact.PlanId), wrong, Cite(fact), [fact.PlanId]);
    }

    /// <summary>Where in the plan: other sections whose passages do not hold the value.</summary>
    private QuizItem? Section(PlanFact fact, string id)
    {
        var source = _sources[fact.Kind];
        var key = source.Key(fact.Value);
        var plan = corpus.Find(fact.PlanId)!;
        var right = SectionOf(fact.Clause.Chunk);
        if (right.Length == 0) return null;
        var wrong = plan.Chunks.GroupBy(SectionOf)
            .Where(g => g.Key.Length > 0 && g.Key != right && !g.Any(c => ValuesIn(source, PassageOf(c)).Contains(key)))
            .Select(g => g.Key)
            .OrderBy(l => FactText.Hash(id + l)).Take(Distractors).ToList();
        return wrong.Count < Distractors ? null
            : Item(id + "/muc", fact, fact.Kind, QuizLevel.Section, $"Trong {labels.Plan(fact.PlanId)}, mục nào nêu: {fact.Statement}?",
                right, wrong, Cite(fact), [fact.ChunkId]);
    }

    /// <summary>Values of the fact's kind from other facts, none of them in the cited passage; same-shaped ones first.</summary>
    private List<string> ValueDistractors(PlanFact fact, string passage, IReadOnlyList<PlanFact> facts, string itemId, IReadOnlyList<string> first)
    {
        var source = _sources[fact.Kind];
        var taken = source.ValuesIn(passage).Concat(fact.Accept.Select(source.Key)).Append(source.Key(fact.Value)).ToHashSet();
        var picked = new List<string>();
        foreach (var value in first)
            if (taken.Add(source.Key(value))) picked.Add(value);
        var shape = Shape(fact.Value);
        // Other facts' values first, then values the plans only mention.
        var values = facts.Where(f => f.Kind == fact.Kind).Select(f => f.Value).Distinct()
            .OrderBy(v => Shape(v) == shape ? 0 : 1).ThenBy(v => FactText.Hash(itemId + v))
            .Concat(Mentioned(source).OrderBy(v => Shape(v) == shape ? 0 : 1).ThenBy(v => FactText.Hash(itemId + v)));
        foreach (var value in values)
        {
            if (picked.Count == Distractors) break;
            if (taken.Add(source.Key(value))) picked.Add(value);
        }
        return picked;
    }

    /// <summary>Values of the kind every plan mentions, read once.</summary>
    private IReadOnlyList<string> Mentioned(IFactSource source)
    {
        lock (_mentioned)
        {
            if (!_mentioned.TryGetValue(source.Kind, out var found))
                _mentioned[source.Kind] = found = corpus.Documents.SelectMany(source.Mentioned).Distinct().ToList();
            return found;
        }
    }

    /// <summary>Whether a plan states the value about the same subject (read either as the OCR has it or as restored): then it is no distractor.</summary>
    private bool Says(CorpusDocument plan, IFactSource source, string key, PlanFact fact) =>
        plan.Chunks.Any(chunk => context.Clauses(chunk).Any(c => ValuesIn(source, c.Text).Contains(key)
            && Math.Max(context.Overlap(fact.SubjectWords, c.Text), context.Overlap(fact.ShownWords, c.Text)) >= SameSubject));

    /// <summary>Values found once per text: "which plan" checks read every clause of every plan for every fact.</summary>
    private IReadOnlySet<string> ValuesIn(IFactSource source, string text)
    {
        lock (_values)
        {
            if (!_values.TryGetValue((source.Kind, text), out var found)) _values[(source.Kind, text)] = found = source.ValuesIn(text);
            return found;
        }
    }

    private QuizItem Item(string id, PlanFact fact, QuizKind kind, QuizLevel level, string stem, string right, IReadOnlyList<string> wrong,
        QuizCitation citation, IReadOnlyList<string> accept)
    {
        var at = (int)(FactText.Hash(id) % (ulong)(wrong.Count + 1));
        var options = wrong.ToList();
        options.Insert(at, right);
        return new QuizItem(id, fact.PlanId, kind, level, stem, options, at, citation, accept, fact.Kind, fact.Value);
    }

    public QuizCitation Cite(PlanFact fact)
    {
        var chunk = fact.Clause.Chunk;
        return new QuizCitation(fact.PlanId, chunk.Id, labels.Passage(chunk), fact.Clause.Text, PassageOf(chunk));
    }

    /// <summary>The passage as the source page shows it: its heading, then its text (a row's table context first).</summary>
    public static string PassageOf(Chunk chunk) => chunk.Section.Length == 0 ? chunk.Passage : chunk.Section + "\n" + chunk.Passage;

    /// <summary>"III.1" of "KH xã Yên Hòa › III.1".</summary>
    public string SectionOf(Chunk chunk)
    {
        var label = labels.Passage(chunk);
        var cut = label.IndexOf(" › ", StringComparison.Ordinal);
        return cut < 0 ? "" : label[(cut + 3)..].Trim().TrimEnd(',');
    }

    /// <summary>"phủ sóng 5G" and "phủ sóng 6G" share most words but not their subject: words with digits must agree.</summary>
    private static bool SameCodes(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Where(w => w.Any(char.IsDigit)).ToHashSet().SetEquals(b.Where(w => w.Any(char.IsDigit)));

    private static double Similar(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Union(b).Count();

    /// <summary>"trước ngày", "tháng", "quý", "Sở", "Phòng": options that look alike make a fair question.</summary>
    private static string Shape(string value) => VietnameseText.Fold(value).Split(' ')[0];

    private static string Slug(QuizKind kind) => kind switch
    {
        QuizKind.Deadline => "han",
        QuizKind.LeadUnit => "chu-tri",
        QuizKind.Target => "chi-tieu",
        _ => "ke-hoach",
    };
}
