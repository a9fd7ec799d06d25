using System.Text.RegularExpressions;
using KeHoach57.Answering.Asks;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Retrieval.Ranking;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Selection;

/// <summary>What a (clause, value) pair was scored from; also the calibrator's input.</summary>
public sealed record PairFeatures(double Coverage, double MissingIdf, double Local, double Closeness, double Strength, double Retrieval, int Rank, double YearFit, int SecondaryFound, int SecondaryAsked, bool RunOn)
{
    /// <summary>The pair's score under <paramref name="o"/>'s weights.</summary>
    public double Score(SelectionOptions o) =>
        o.Coverage * Coverage + o.Local * Local + o.Closeness * Closeness + o.Strength * Strength
        + o.Retrieval * Retrieval - o.RankPenalty * Rank + o.YearFit * YearFit
        + o.Secondary * (SecondaryFound - (SecondaryAsked - SecondaryFound))
        - (RunOn ? o.RunOnPenalty : 0);
}

/// <summary>The clause chosen to answer from and the values read from it (the primary ask's first).</summary>
public sealed record Choice(Clause Clause, RankedPassage Passage, IReadOnlyList<Candidate> Values, double Score, PairFeatures Features)
{
    public Candidate Primary => Values[0];
}

/// <param name="RunnerUp">The best choice whose primary value differs from the chosen one's: their margin says how sure the choice is.</param>
/// <param name="Pairs">Every (clause, value) pair weighed, for the eval's fitting of the weights.</param>
public sealed record Selected(Choice? Best, Choice? RunnerUp, int Clauses, IReadOnlyList<Choice> Pairs)
{
    /// <summary>The best pair and its runner-up under other weights (the fitting tries many).</summary>
    public static Selected Pick(IReadOnlyList<Choice> pairs, int clauses, Func<Choice, double> score)
    {
        // A value of another kind than asked is never chosen, but stays a runner-up.
        var best = pairs.Where(c => !c.Primary.OffKind).MaxBy(score);
        if (best is null) return new Selected(null, null, clauses, pairs);
        // The best-scoring pair that says something else; a pair's words are read only when it would outscore the one found.
        var said = Words(best.Primary.Display);
        Choice? runnerUp = null;
        var runnerScore = double.NegativeInfinity;
        foreach (var c in pairs)
        {
            var s = score(c);
            if ((runnerUp is null || s > runnerScore) && !SaysTheSame(said, c.Primary.Display)) (runnerUp, runnerScore) = (c, s);
        }
        return new Selected(best with { Score = score(best) }, runnerUp is null ? null : runnerUp with { Score = runnerScore }, clauses, pairs);
    }

    /// <summary>
    /// Whether a value is the chosen answer in as many words or fewer ("6 tháng" of "định kỳ 6 tháng", "100%" of
    /// "100% (năm 2045)"): such a runner-up repeats the chosen answer and is no rival to it, so the margin is taken over
    /// the best value that says something else. One that says more ("Các sở, ban, ngành, UBND cấp huyện" against
    /// "Các sở, ban, ngành") stays a rival: it may be the whole answer of which the chosen one is a part.
    /// </summary>
    private static bool SaysTheSame(string[] chosen, string display)
    {
        // The other value's words as ranges of its fold, not strings: every pair that would outscore the runner-up so far
        // is compared, and most say something else.
        var folded = Core.Text.VietnameseText.Fold(display);
        var most = folded.Length / 2 + 2;
        Span<Range> words = most <= 128 ? stackalloc Range[most] : new Range[most];
        var count = folded.AsSpan().SplitAny(words, Separators, StringSplitOptions.RemoveEmptyEntries);
        var other = words[..count];
        if (other.Length == 0 || other.Length > chosen.Length) return other.Length == 0 && chosen.Length == 0;
        for (var i = 0; i + other.Length <= chosen.Length; i++)
        {
            var k = 0;
            while (k < other.Length && folded.AsSpan(other[k]).SequenceEqual(chosen[i + k])) k++;
            if (k == other.Length) return true;
        }
        return false;
    }

    private static string[] Words(string display) =>
        Core.Text.VietnameseText.Fold(display).Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static readonly char[] Separators = [' ', ',', ';', '.', ':', '(', ')', '"', '“', '”', '-', '–', '/'];
}

/// <summary>
/// The "select clause" step: reads every clause of the best passages with the handler of each kind asked,
/// and scores each (clause, value) pair from its features with the weights of <see cref="SelectionOptions"/>.
/// </summary>
public sealed partial class ClauseSelector(ClauseReader clauses, AskRegistry asks, SubjectMatch subjects, IOptions<SelectionOptions> options)
{
    [GeneratedRegex(@"\b20[2-5]\d\b")]
    private static partial Regex Year();

    /// <summary>How many of the best passages are read clause by clause.</summary>
    public int PassagesRead => options.Value.Passages;

    public Selected Select(QuestionFacts question, IReadOnlyList<RankedPassage> passages)
    {
        var o = options.Value;
        var readers = Readers(question, o);
        var secondary = question.Asks.Skip(1).Select(a => asks.For(a.Kind)).ToList();
        var all = new List<Choice>();
        // One list for every clause's candidates, emptied at each: no Choice keeps it (the values are copied into their own).
        var candidates = new List<Candidate>();
        var count = 0;
        var top = passages.Count > 0 ? Math.Max(passages[0].Score, 1e-9) : 1;
        for (var rank = 0; rank < Math.Min(o.Passages, passages.Count); rank++)
        {
            var passage = passages[rank];
            foreach (var clause in clauses.Of(passage.Chunk))
            {
                count++;
                // Plain loops in this method: it runs per clause and per candidate, and Linq closures here allocated at each.
                candidates.Clear();
                foreach (var reader in readers) candidates.AddRange(reader.Read(clause, question));
                if (candidates.Count == 0) continue;
                var coverage = subjects.Of(clause, question);
                if (coverage.Share <= 0) continue;
                var anchors = subjects.Anchors(clause, question);
                var yearFit = YearFit(clause, question.Year);
                // The other kinds' values of this clause, read once for all its candidates.
                var otherValues = new List<List<Candidate>>(secondary.Count);
                foreach (var h in secondary) otherValues.Add(h.Read(clause, question).ToList());
                foreach (var c in candidates)
                {
                    var values = new List<Candidate>(1 + otherValues.Count) { c };
                    foreach (var other in otherValues)
                        if (BestOther(other, c) is { } best) values.Add(best);
                    var found = values.Count - 1;
                    var local = Local(clause, c, candidates, question);
                    var close = Closeness(c, anchors);
                    var f = new PairFeatures(coverage.Share, coverage.MissingIdf, local, close, c.Strength, passage.Score / top, rank, yearFit, found, secondary.Count, clause.RunOn);
                    all.Add(new Choice(clause, passage, values, f.Score(o), f));
                }
            }
        }
        return Selected.Pick(all, count, c => c.Score);
    }

    /// <summary>
    /// The handlers whose values may answer the primary ask: its own; a person or post for "ai" ("Thủ trưởng các sở"),
    /// not for "cơ quan nào"; the items of an enumeration for several times;
    /// and, when the question says weakly what it asks ("cho ai", "nào"), also a name or a stretch of the clause, unless
    /// all it may ask is a date.
    /// </summary>
    private List<IAskHandler> Readers(QuestionFacts question, SelectionOptions o)
    {
        var readers = new List<IAskHandler> { asks.For(question.Primary) };
        if (question.Primary == AskKind.LeadUnit && !question.AsksOrganisation) readers.Add(asks.For(AskKind.Person));
        // "những năm nào", "các mốc nào": several times are asked, and a plan lists them as items ("(đến 2030, 2035, 2040)")
        // more often than as dates the time readers see one by one.
        if (question.Plural && question.Primary is AskKind.Deadline or AskKind.Date) readers.Add(asks.For(AskKind.List));
        // A weak date cue is unsure which date it asks, not whether it asks one: a stretch of text answers no "ngày nào".
        if (question.Primary != AskKind.Fact && question.Recognition < o.WeakAsk && !question.Asks.All(a => a.Kind.AsksDate()))
            readers.Add(asks.For(AskKind.Fact));
        return readers;
    }

    /// <summary>
    /// The best value of another kind the question also asks, from the same clause and nearest the primary value:
    /// "số mấy, ban hành ngày nào" wants the date that number carries, "bao nhiêu, phòng nào theo dõi" the row's unit.
    /// </summary>
    private static Candidate? BestOther(List<Candidate> values, Candidate primary) =>
        values.Where(c => c.Start != primary.Start || c.Kind != primary.Kind)
            .MaxBy(c => c.Strength + Closeness(c, [(primary.Start < 0 ? 0 : primary.End, 1.0)]));

    /// <summary>
    /// The subject said in the value's own part of the clause: between the separators (or the neighbouring
    /// values of its kind) around it, or what the handler says describes it.
    /// </summary>
    private double Local(Clause clause, Candidate c, List<Candidate> siblings, QuestionFacts question)
    {
        if (c.Start < 0) return 0;
        if (c.About is null && c.IsText && c.Kind is AskKind.Fact or AskKind.List) return subjects.Within(clause, c.Start, c.End, question).Share;
        var (from, to) = c.About ?? Window(clause.Text, c, siblings);
        return subjects.Within(clause, from, to, question).Share;
    }

    // Kept, not written inline: an inline array is a new one at every candidate.
    private static readonly char[] WindowStarts = [';', '.', '\n', ':'];
    private static readonly char[] WindowEnds = [';', '.', '\n'];

    /// <summary>
    /// The value's own stretch of its sentence. Alone in it, the value reaches to the separators around it. With other
    /// values beside it, each has its share: a figure's on the side the sentence says. "Tỷ lệ A đạt 65%, tỷ lệ B đạt 40%"
    /// names each subject before its figure; "Đạt 65% người dân có tài khoản … và 40% người dân có chữ ký số" after it,
    /// which the sentence shows by running on after its last figure further than it ran before its first. (Other values
    /// keep the stretch between their neighbours: a document's date follows its number, "số 03/NQ-CP ngày 09/01/2025".)
    /// </summary>
    private static (int, int) Window(string text, Candidate c, List<Candidate> siblings)
    {
        var sep = text.LastIndexOfAny(WindowStarts, Math.Max(0, c.Start - 1));
        var sentenceStart = sep >= 0 && sep < c.Start ? sep + 1 : 0;
        var next = text.IndexOfAny(WindowEnds, c.End);
        var sentenceEnd = next >= 0 ? next : text.Length;
        var left = Math.Max(Math.Max(0, c.Start - 120), sentenceStart);
        var right = Math.Min(Math.Min(text.Length, c.End + 60), sentenceEnd);
        // The nearest sibling ending before the value and the nearest starting after it, and the sentence's first and
        // last values, in one loop (this runs per candidate).
        int? previous = null, following = null;
        int first = c.Start, last = c.End;
        foreach (var s in siblings)
        {
            if (s.Start < 0) continue;
            if (s.End <= c.Start && (previous is null || s.End > previous)) previous = s.End;
            if (s.Start >= c.End && (following is null || s.Start < following)) following = s.Start;
            if (s.Start >= sentenceStart && s.End <= sentenceEnd)
            {
                first = Math.Min(first, s.Start);
                last = Math.Max(last, s.End);
            }
        }
        left = Math.Max(left, previous ?? 0);
        if (c.Kind == AskKind.Figure && (first < c.Start || last > c.End))
            return sentenceEnd - last > first - sentenceStart
                ? (c.Start, Math.Max(Math.Min(right, following ?? text.Length), c.End))
                : (Math.Min(left, c.Start), c.End);
        right = Math.Min(right, following ?? text.Length);
        return (Math.Min(left, c.Start), Math.Max(right, c.End));
    }

    /// <summary>Closeness of the value to the subject's words; values tend to follow what they qualify.</summary>
    private static double Closeness(Candidate c, List<(int Position, double Weight)> anchors)
    {
        if (c.Start < 0 || anchors.Count == 0) return 0;
        double score = 0, total = 0;
        foreach (var (p, w) in anchors)
        {
            var distance = Math.Abs(c.Start - p) / 6.0;
            score += w / (1 + distance) * (c.Start > p ? 1.2 : 1.0);
            total += w;
        }
        return total == 0 ? 0 : score / total;
    }

    /// <summary>Targets are listed per year: a table or heading for the asked year fits, one for another year does not.</summary>
    private static double YearFit(Clause clause, int? year)
    {
        if (year is null) return 0;
        var heading = clause.Chunk.Section + " " + clause.Chunk.Context;
        var years = Year().Matches(heading).Select(m => int.Parse(m.Value)).ToList();
        if (years.Count == 0) return clause.Text.Contains(year.Value.ToString()) ? 0.4 : 0;
        return years.Contains(year.Value) ? 1 : -1;
    }
}
