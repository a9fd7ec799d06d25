using System.Text.RegularExpressions;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;
using KeHoach57.Retrieval.Ranking;

namespace KeHoach57.Answering.Extraction;

/// <summary>
/// Picks the clause that answers the question among the top passages and reads the asked-for facts
/// out of it: the date nearest the topic ("báo cáo 6 tháng … trước ngày 10/6"), the unit in charge,
/// the figure (a table row's column for the asked year), the document number.
/// </summary>
public sealed partial class AnswerExtractor(VietnameseAnalyzer analyzer, UnitGazetteer units, Vocabulary vocabulary)
{
    private const int PassagesConsidered = 5;
    private const int ListChars = 360;
    private const int KeyWords = 2;

    public ExtractedAnswer? Extract(QuestionAnalysis question, BuiltQuery query, IReadOnlyList<RankedPassage> passages)
    {
        ExtractedAnswer? best = null;
        var bestScore = double.MinValue;
        for (var rank = 0; rank < Math.Min(PassagesConsidered, passages.Count); rank++)
        {
            var passage = passages[rank];
            foreach (var clause in Clauses(passage.Chunk, question.AsksFor(Ask.List)))
            {
                var support = Coverage(clause.Text, query);
                if (support <= 0) continue;
                var parts = ReadParts(question, query, passage.Chunk, clause.Text);
                var required = RequiredParts(question);
                var complete = parts.Count >= required;
                // Rank order matters, but a clause holding the asked-for facts beats a better-ranked one without them.
                var score = support + (required == 0 ? 0 : 0.5 * Math.Min(parts.Count, required) / required)
                    + KindBonus(question, parts) + 0.25 * passage.Score / passages[0].Score - 0.04 * rank;
                if (score > bestScore)
                {
                    bestScore = score;
                    best = new ExtractedAnswer(passage.Chunk, clause.Text, parts, support, complete);
                }
            }
        }
        return best;
    }

    /// <summary>"Phòng nào…?" is better answered by a Phòng than by a Ban or a Sở.</summary>
    private static double KindBonus(QuestionAnalysis q, List<AnswerPart> parts) =>
        AskedKind(q.Text) is { } kind && parts.Any(p => p.Display.StartsWith(kind, StringComparison.Ordinal)) ? 0.3 : 0;

    private static int RequiredParts(QuestionAnalysis q) =>
        q.Asks.Count(a => a is not (Ask.General or Ask.List));

    /// <summary>Clauses of a passage; a table row is one clause (its cells only mean something together).
    /// For a list question a clause runs on through the items that follow it.</summary>
    private static IEnumerable<(string Text, int Start)> Clauses(Chunk chunk, bool list = false)
    {
        if (chunk.Kind == ChunkKind.TableRow)
        {
            yield return (chunk.Text, 0);
            yield break;
        }
        var spans = Sentences.Split(chunk.Text);
        for (var i = 0; i < spans.Count; i++)
        {
            var text = spans[i].Of(chunk.Text);
            // A lead-in ending in ':' answers together with what it introduces.
            if ((text.EndsWith(':') || list) && i + 1 < spans.Count)
            {
                var last = i + 1;
                while (last + 1 < spans.Count && spans[last + 1].End - spans[i].Start < ListChars) last++;
                text = chunk.Text[spans[i].Start..spans[last].End];
            }
            yield return (text, spans[i].Start);
        }
    }

    /// <summary>
    /// Whether the clause (with its headings) holds at least one of the question's most telling words.
    /// A clause that shares only common words ("kế hoạch", "năm 2025", "tỷ lệ") answers another question.
    /// </summary>
    public bool HoldsKeyWords(ExtractedAnswer extracted, BuiltQuery query)
    {
        var keys = query.Words.Where(w => w.Forms[0].Similarity >= 1 && !w.Term.All(char.IsDigit))
            .OrderByDescending(w => vocabulary.Idf(w.Term)).Take(KeyWords).ToList();
        if (keys.Count == 0) return true;
        var words = analyzer.Tokenize(extracted.Chunk.Section + " " + extracted.Chunk.Context + " " + extracted.Clause).Select(t => t.Term).ToHashSet();
        return keys.Any(k => k.Forms.Any(f => words.Contains(f.Word)));
    }

    /// <summary>
    /// How much of the question the clause says: its topic words (any OCR form) weighted by how telling
    /// they are, and its two-word phrases, so "mức lương cơ sở" is not matched by "chất lượng" and "cơ sở".
    /// </summary>
    public double Coverage(string text, BuiltQuery query)
    {
        if (query.Words.Count == 0) return 0;
        var tokens = analyzer.Tokenize(text).Select(t => t.Term).Where(t => !StopWords.Contains(t)).ToList();
        var words = tokens.ToHashSet();
        double total = 0, covered = 0;
        foreach (var w in query.Words)
        {
            var weight = w.Forms[0].Similarity * vocabulary.Idf(w.Term);
            total += weight;
            covered += weight * w.Forms.Where(f => words.Contains(f.Word)).Select(f => f.Similarity).DefaultIfEmpty(0).Max();
        }
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < tokens.Count; i++) pairs.Add((tokens[i], tokens[i + 1]));
        var phrases = 0;
        var phrasesFound = 0;
        for (var i = 0; i + 1 < query.Words.Count; i++)
        {
            if (query.Words[i].Forms[0].Similarity < 1 || query.Words[i + 1].Forms[0].Similarity < 1) continue;
            phrases++;
            if (query.Words[i].Forms.Any(a => query.Words[i + 1].Forms.Any(b => pairs.Contains((a.Word, b.Word))))) phrasesFound++;
        }
        var wordShare = total == 0 ? 0 : covered / total;
        return phrases == 0 ? wordShare : 0.6 * wordShare + 0.4 * phrasesFound / phrases;
    }

    private List<AnswerPart> ReadParts(QuestionAnalysis q, BuiltQuery query, Chunk chunk, string clause)
    {
        var anchors = TopicPositions(clause, query);
        var parts = new List<AnswerPart>();
        foreach (var ask in q.Asks)
        {
            var part = ask switch
            {
                Ask.Deadline or Ask.Date or Ask.Period => NearestValue(ValueSpans.Dates(clause).Where(d => Fits(ask, d)).ToList(), clause, anchors),
                Ask.Figure => Figure(q, chunk, clause, anchors),
                Ask.Unit => Unit(q, chunk, clause, anchors, coordinating: false),
                Ask.CoordinatingUnit => Unit(q, chunk, clause, anchors, coordinating: true),
                Ask.DocumentNumber => NearestValue(ValueSpans.DocumentNumbers(clause), clause, anchors),
                Ask.Name => Name(clause, anchors),
                _ => null,
            };
            if (part is null && ask is Ask.Deadline or Ask.Date or Ask.Figure)
                part = FromHeading(ask, chunk);
            if (part is not null && parts.All(p => p.Display != part.Display)) parts.Add(part);
        }
        return parts;
    }

    /// <summary>Headings qualify what they head: "2.5. Đến hết năm 2045" dates every target listed under it.</summary>
    private static AnswerPart? FromHeading(Ask ask, Chunk chunk)
    {
        foreach (var heading in chunk.Section.Split(" › ").Reverse())
        {
            var values = ask == Ask.Figure ? [] : ValueSpans.Dates(heading);
            if (values.Count > 0) return new AnswerPart(values[^1].Display, heading[values[^1].Start..values[^1].End]) { FromHeading = heading };
        }
        return null;
    }

    private static bool Fits(Ask ask, ValueSpan span) => ask switch
    {
        Ask.Period => span.Kind == ValueKind.Period || span.Display is "thường xuyên" or "hằng năm",
        _ => span.Kind != ValueKind.Period,
    };

    /// <summary>Character positions of topic words in the clause, each with its weight (phrases weigh double).</summary>
    private List<(int Position, double Weight)> TopicPositions(string clause, BuiltQuery query)
    {
        var tokens = analyzer.Tokenize(clause);
        var anchors = new List<(int, double)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var w in query.Words)
            {
                if (!w.Forms.Any(f => f.Word == tokens[i].Term)) continue;
                var count = tokens.Count(t => w.Forms.Any(f => f.Word == t.Term));
                // A word that occurs once in the clause pins the answer down better than a repeated one.
                var weight = 1.0 / count;
                if (i + 1 < tokens.Count && query.Terms.Any(t => t.Term == VietnameseAnalyzer.Bigram(tokens[i].Term, tokens[i + 1].Term)))
                    weight *= 2;
                anchors.Add((tokens[i].Start, weight));
            }
        }
        return anchors;
    }

    private static AnswerPart? NearestValue(IReadOnlyList<ValueSpan> values, string clause, List<(int Position, double Weight)> anchors)
    {
        if (values.Count == 0) return null;
        var best = values.MaxBy(v => Closeness(v.Start, anchors))!;
        return new AnswerPart(best.Display, clause[best.Start..best.End]);
    }

    private static double Closeness(int position, List<(int Position, double Weight)> anchors)
    {
        var score = 0.0;
        foreach (var (p, w) in anchors)
        {
            var distance = Math.Abs(position - p) / 6.0;
            // Values tend to follow what they qualify ("báo cáo 6 tháng trước ngày 10/6").
            score += w / (1 + distance) * (position > p ? 1.2 : 1.0);
        }
        return score;
    }

    private AnswerPart? Figure(QuestionAnalysis q, Chunk chunk, string clause, List<(int Position, double Weight)> anchors)
    {
        // Target tables hold percentages and counts, never sums of money.
        if (chunk.Kind == ChunkKind.TableRow && !q.Currency && TableColumn(q, chunk) is { } cell) return cell;
        var figures = ValueSpans.Figures(clause)
            .Where(f => !IsYearOrHeadingNumber(clause, f))
            .ToList();
        if (q.Currency)
            figures = figures.Where(f => Regex.IsMatch(VietnameseText.Fold(clause[f.End..Math.Min(clause.Length, f.End + 14)]), @"^\s*(ty|trieu|nghin|ngan)?\s*dong")).ToList();
        var percentWanted = Regex.IsMatch(VietnameseText.Fold(q.Text), @"%|phan tram|ty le");
        // "Bao nhiêu %" is answered by a percentage, never by a count that happens to stand nearby.
        if (percentWanted)
            figures = figures.Where(f => f.Kind == ValueKind.Percent).ToList();
        var part = NearestValue(figures, clause, anchors);
        if (part is null) return null;
        return q.CountedNoun is { } noun && !part.Display.EndsWith('%') ? part with { Display = $"{part.Display} {noun}" } : part;
    }

    private static bool IsYearOrHeadingNumber(string clause, ValueSpan f)
    {
        var value = clause[f.Start..f.End].Trim();
        if (Regex.IsMatch(value, @"^(19|20)\d\d(\s*-\s*(19|20)\d\d)?$")) return true;
        // "2.1", "13|": the row or item number at the start of a clause.
        return f.Start < 3 && Regex.IsMatch(clause[f.End..Math.Min(clause.Length, f.End + 2)], @"^\s*[|.)]");
    }

    /// <summary>
    /// The cell of a target table's row for the asked year: the row's run of values lines up, from the
    /// right, with the years of the header ("2025 2030 2035 2040 2045").
    /// </summary>
    private static AnswerPart? TableColumn(QuestionAnalysis q, Chunk chunk)
    {
        var years = Regex.Matches(chunk.Context, @"\b(20[2-5]\d)\b").Select(m => int.Parse(m.Value)).Distinct().ToList();
        if (years.Count < 2) return null;
        var year = q.Year ?? years[0];
        var column = years.IndexOf(year);
        if (column < 0) return null;
        var runs = Regex.Matches(chunk.Text, @"(?:(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|-)(?:\s*\|?\s*(?:(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|-(?=\s)))+");
        var run = runs.Select(m => m).Where(m => Cells(m.Value).Count >= Math.Min(3, years.Count)).MaxBy(m => Cells(m.Value).Count);
        if (run is null) return null;
        var cells = Cells(run.Value);
        var index = column - (years.Count - cells.Count);
        if (index < 0 || index >= cells.Count || cells[index] == "-") return null;
        var value = ValueSpans.Figures(cells[index]).FirstOrDefault()?.Display ?? cells[index];
        var unit = Regex.IsMatch(chunk.Text[..run.Index], @"%\s*(d\w{1,2}n\s+s\w{1,2})?\s*\|?\s*$|%") && !value.EndsWith('%') ? "%" : "";
        var display = value + unit;
        if (unit.Length == 0 && q.CountedNoun is { } noun) display += " " + noun;
        return new AnswerPart($"{display} (năm {year})", run.Value);
    }

    private static List<string> Cells(string run) =>
        Regex.Matches(run, @"(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|-").Select(m => m.Value.Replace(" ", "")).ToList();

    private AnswerPart? Unit(QuestionAnalysis q, Chunk chunk, string clause, List<(int Position, double Weight)> anchors, bool coordinating)
    {
        var named = units.Find(q.Text).Select(m => m.Canonical).ToHashSet();
        // The unit the question is about is not the answer to "who" ("thường trực của Ban Chỉ đạo là ai?").
        var mentions = units.Find(clause).Where(m => !named.Contains(m.Canonical)).ToList();
        if (chunk.Kind == ChunkKind.TableRow && mentions.Count > 0)
        {
            // Task tables list the lead unit before the coordinating one.
            var pick = coordinating && mentions.Count > 1 ? mentions[1] : coordinating ? null : mentions[0];
            return pick is null ? null : new AnswerPart(pick.Canonical, clause[pick.Start..pick.End]);
        }
        if (mentions.Count > 0)
        {
            var cues = RoleCues(clause, coordinating);
            var kind = AskedKind(q.Text);
            var scored = mentions.Select(m => (m, Score: Closeness(m.Start, anchors) + 2 * Closeness(m.Start, cues)
                + (kind is not null && m.Canonical.StartsWith(kind, StringComparison.Ordinal) ? 1.5 : 0)
                - (UnitGazetteer.IsGeneric(m.Canonical) ? 1.5 : 0))).ToList();
            var best = scored.MaxBy(s => s.Score).m;
            return new AnswerPart(best.Canonical, clause[best.Start..best.End]);
        }
        // The unit is often the heading the duty is listed under ("1. Phòng Văn hóa - Xã hội: … tham mưu …").
        var heading = chunk.Section.Split(" › ")[^1];
        var fromHeading = units.Find(heading).FirstOrDefault();
        return fromHeading is null ? null : new AnswerPart(fromHeading.Canonical, heading[fromHeading.Start..fromHeading.End]);
    }

    /// <summary>"Phòng nào", "sở nào", "bộ nào": the kind of unit the asker expects.</summary>
    private static string? AskedKind(string question)
    {
        var m = Regex.Match(VietnameseText.Fold(question), @"\b(phong|so|ban|bo|trung tam|van phong) nao\b");
        return m.Success ? m.Groups[1].Value switch
        {
            "phong" => "Phòng",
            "so" => "Sở",
            "ban" => "Ban",
            "bo" => "Bộ",
            "trung tam" => "Trung tâm",
            _ => "Văn phòng",
        } : null;
    }

    private static List<(int Position, double Weight)> RoleCues(string clause, bool coordinating)
    {
        var folded = VietnameseAnalyzer.FoldAligned(clause).ToLowerInvariant();
        var pattern = coordinating ? @"ph\w{1,2}i\s+h\w{1,2}p" : @"ch\w{1,2}\s+tr\w|theo\s+d\w{1,2}i|giao|g\w{1,2}i\s|\bv\w\s|\bqua\b|tham\s+m\w{1,2}u|th\w{1,3}ng\s+tr\w{1,3}c|d\w{1,2}u\s+m\w{1,2}i";
        return Regex.Matches(folded, pattern).Select(m => (m.Index, 1.0)).ToList();
    }

    /// <summary>A name asked for: a parenthesised acronym or a quoted name in the clause.</summary>
    private static AnswerPart? Name(string clause, List<(int Position, double Weight)> anchors)
    {
        var candidates = Regex.Matches(clause, @"\(([A-Z][A-Za-z0-9&]{1,10})\)|""([^""]{2,60})""|“([^”]{2,60})”")
            .Select(m => new ValueSpan(m.Index, m.Index + m.Length, ValueKind.Number, m.Groups.Values.Skip(1).First(g => g.Success).Value))
            .ToList();
        return NearestValue(candidates, clause, anchors);
    }
}
