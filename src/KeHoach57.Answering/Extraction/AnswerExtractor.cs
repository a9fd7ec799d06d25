using System.Runtime.CompilerServices;
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
public sealed partial class AnswerExtractor(VietnameseAnalyzer analyzer, UnitGazetteer units, Vocabulary vocabulary, Corpus corpus)
{
    private const int PassagesConsidered = 5;
    private const int ListChars = 360;

    public ExtractedAnswer? Extract(QuestionAnalysis question, BuiltQuery query, IReadOnlyList<RankedPassage> passages)
    {
        ExtractedAnswer? best = null;
        var bestScore = double.MinValue;
        var required = RequiredParts(question);
        for (var rank = 0; rank < Math.Min(PassagesConsidered, passages.Count); rank++)
        {
            var passage = passages[rank];
            var completeAt = -1;
            // A question about which document carries which number or date needs the clause to say them.
            var implied = question.AsksFor(Ask.DocumentNumber) || question.AsksFor(Ask.Date) ? null : passage.Chunk.DocId;
            var list = question.AsksFor(Ask.List);
            foreach (var clause in Clauses(passage.Chunk, list))
            {
                // A clause run on into the next one on its line only matters when the clause alone lacks a fact
                // (or when a list is asked: an item's heading sentence is followed by what it lists).
                if (clause.RunOn && clause.Start == completeAt && !list) continue;
                var support = Coverage(passage.Chunk.Kind == ChunkKind.TableRow ? passage.Chunk.Context + " " + clause.Text : clause.Text, query, implied);
                if (support <= 0) continue;
                var parts = ReadParts(question, query, passage.Chunk, clause.Text);
                var complete = parts.Count >= required;
                if (complete) completeAt = clause.Start;
                // Rank order matters, but a clause holding the asked-for facts beats a better-ranked one without them.
                var score = support + (required == 0 ? 0 : 0.5 * Math.Min(parts.Sum(Weight), required) / required)
                    + KindBonus(question, parts) + 0.25 * passage.Score / passages[0].Score - 0.04 * rank
                    + (clause.RunOn && list ? 0.001 : 0)
                    // Nothing is strictly required of a "gì/nào" question, but a clause that names the thing beats one that only echoes it.
                    + (required == 0 && parts.Any(p => !p.Quoted) ? 0.3 : 0);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = new ExtractedAnswer(passage.Chunk, clause.Text, parts, support, complete);
                }
            }
        }
        // Only the chosen clause needs its focus, and only when no fact leads the answer instead.
        return best is not null && best.Parts.All(p => p.Quoted) ? best with { Focus = Focus(best.Clause, query) } : best;
    }

    /// <summary>
    /// How firmly the clause states a fact: read from the clause itself it counts fully, more so when the
    /// clause is headed by it ("Văn phòng Tỉnh ủy: … là cơ quan thường trực"); inferred from the heading
    /// above, or a collective "các phòng, ban ngành", it counts for less.
    /// </summary>
    private static double Weight(AnswerPart part) =>
        part.FromHeading is not null ? 0.6 : part.Generic ? 0.5 : part.Labelled ? 1.3 : 1.0;

    /// <summary>What is read once from a question and used for every clause weighed against it.</summary>
    private sealed record AskedFacts(List<Token> Tokens, HashSet<string> Units, string? After);

    private readonly ConditionalWeakTable<QuestionAnalysis, AskedFacts> _asked = new();

    private AskedFacts Asked(QuestionAnalysis q) => _asked.GetValue(q, x =>
        new AskedFacts(analyzer.Tokenize(x.Text), units.Find(x.Text).Select(m => m.Canonical).ToHashSet(), AskedAfter(x.Text)));

    private const int FocusChars = 300;

    /// <summary>
    /// In a clause too long to lead an answer whole, the stretch where the question's words gather,
    /// from the clause boundary before them; null when the clause is short or already starts there.
    /// </summary>
    private string? Focus(string clause, BuiltQuery query)
    {
        if (clause.Length <= FocusChars) return null;
        var anchors = TopicPositions(clause, query).OrderBy(a => a.Position).ToList();
        if (anchors.Count == 0) return null;
        var best = anchors.MaxBy(a => anchors.Where(b => b.Position >= a.Position && b.Position < a.Position + 160).Sum(b => b.Weight))!;
        var start = best.Position;
        var boundary = clause.LastIndexOfAny([',', ';', ':', '\n', '.'], Math.Max(0, start - 1));
        if (boundary >= 0 && start - boundary <= 80) start = boundary + 1;
        while (start < clause.Length && char.IsWhiteSpace(clause[start])) start++;
        return start < 40 ? null : clause[start..];
    }

    /// <summary>"Phòng nào…?" is better answered by a Phòng than by a Ban or a Sở.</summary>
    private static double KindBonus(QuestionAnalysis q, List<AnswerPart> parts) =>
        AskedKind(q.Text) is { } kind && parts.Any(p => p.Display.StartsWith(kind, StringComparison.Ordinal)) ? 0.3 : 0;

    private static int RequiredParts(QuestionAnalysis q) =>
        q.Asks.Count(a => a is not (Ask.General or Ask.List));

    /// <summary>Clauses of a passage; a table row is one clause (its cells only mean something together).
    /// A lead-in (or, for a list question, any clause that is not itself a list item) runs on through the
    /// items that follow it; a clause also runs on into the rest of its line ("…; hoàn thành trong quý II/2025").</summary>
    private static IEnumerable<(string Text, int Start, bool RunOn)> Clauses(Chunk chunk, bool list = false)
    {
        if (chunk.Kind == ChunkKind.TableRow)
        {
            yield return (chunk.Text, 0, false);
            yield break;
        }
        var spans = Sentences.Split(chunk.Text);
        for (var i = 0; i < spans.Count; i++)
        {
            var text = spans[i].Of(chunk.Text);
            if ((text.EndsWith(':') || list && !IsListItem(chunk.Text, spans[i].Start)) && i + 1 < spans.Count)
            {
                var last = i + 1;
                while (last + 1 < spans.Count && spans[last + 1].End - spans[i].Start < ListChars) last++;
                yield return (chunk.Text[spans[i].Start..spans[last].End], spans[i].Start, false);
                continue;
            }
            yield return (text, spans[i].Start, false);
            var end = i;
            while (end + 1 < spans.Count && spans[end + 1].End - spans[i].Start < ListChars
                   && !chunk.Text.AsSpan(spans[end].End, spans[end + 1].Start - spans[end].End).Contains('\n')) end++;
            if (end > i) yield return (chunk.Text[spans[i].Start..spans[end].End], spans[i].Start, true);
        }
    }

    /// <summary>"- Ứng dụng AI: …" on its own line: an item of a list, complete in itself.</summary>
    private static bool IsListItem(string text, int start)
    {
        var j = start - 1;
        while (j >= 0 && text[j] == ' ') j--;
        if (j < 0 || text[j] is not ('-' or '+' or '*')) return false;
        j--;
        while (j >= 0 && text[j] == ' ') j--;
        return j < 0 || text[j] == '\n';
    }

    /// <summary>
    /// How much of the question the clause says: its topic words (any OCR form) weighted by how telling
    /// they are, and its two-word phrases, so "mức lương cơ sở" is not matched by "chất lượng" and "cơ sở".
    /// An abbreviation and its spelled-out form are one thing said either way: "KH&amp;CN" in the question
    /// is covered by "khoa học và công nghệ" in the clause, even with the broken font's dropped letters.
    /// </summary>
    /// <remarks>
    /// A plan's title says what every passage of it is about ("Kế hoạch thực hiện Nghị quyết số 57-NQ/TW"):
    /// "kế hoạch NQ 57" in the question is said by each of its clauses, not only by those that repeat it.
    /// </remarks>
    public double Coverage(string text, BuiltQuery query, string? docId = null)
    {
        if (query.Words.Count == 0) return 0;
        var all = analyzer.Tokenize(text);
        var tokens = all.Select(t => t.Term).Where(t => !StopWords.Contains(t)).ToList();
        var title = docId is null ? null : Title(docId);
        var words = tokens.ToHashSet();
        if (title is not null) words.UnionWith(title.Value.Words);
        var abbreviations = Abbreviations(query);
        double total = 0, covered = 0;
        foreach (var w in query.Words)
        {
            if (abbreviations.Any(a => a.Covers(w.Term))) continue;
            var weight = w.Forms[0].Similarity * vocabulary.Idf(w.Term);
            total += weight;
            covered += weight * w.Forms.Where(f => words.Contains(f.Word)).Select(f => f.Similarity).DefaultIfEmpty(0).Max();
        }
        if (abbreviations.Count > 0)
        {
            var keys = analyzer.GlossaryTerms(text, all).ToHashSet();
            if (title is not null) keys.UnionWith(title.Value.Keys);
            foreach (var a in abbreviations)
            {
                var weight = query.Words.Where(w => a.Covers(w.Term)).Sum(w => w.Forms[0].Similarity * vocabulary.Idf(w.Term));
                total += weight;
                covered += weight * (keys.Contains(a.Key) ? 1 : a.Spelled.Count(e => words.Any(t => t == e || OcrDistance.Between(e, t, 0.45) <= 0.45)) / (double)Math.Max(1, a.Spelled.Length));
            }
        }
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < tokens.Count; i++) pairs.Add((tokens[i], tokens[i + 1]));
        var phrases = 0;
        var phrasesFound = 0;
        for (var i = 0; i + 1 < query.Words.Count; i++)
        {
            if (query.Words[i].Forms[0].Similarity < 1 || query.Words[i + 1].Forms[0].Similarity < 1) continue;
            if (abbreviations.Any(a => a.Covers(query.Words[i].Term) || a.Covers(query.Words[i + 1].Term))) continue;
            phrases++;
            if (query.Words[i].Forms.Any(a => query.Words[i + 1].Forms.Any(b => pairs.Contains((a.Word, b.Word))))) phrasesFound++;
        }
        var wordShare = total == 0 ? 0 : covered / total;
        return phrases == 0 ? wordShare : 0.6 * wordShare + 0.4 * phrasesFound / phrases;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (HashSet<string> Words, HashSet<string> Keys)?> _titles = new();

    private (HashSet<string> Words, HashSet<string> Keys)? Title(string docId) => _titles.GetOrAdd(docId, id =>
    {
        if (corpus.Find(id) is not { } doc) return null;
        // Only what names the documents it carries out ("57" of "57-NQ/TW", "NQ", "KH"), not its topic
        // words: those still have to be said by the clause that answers.
        var tokens = analyzer.Tokenize(doc.Info.Title);
        var numbers = Regex.Matches(doc.Info.Title, @"\b(\d+)\s*[-/]\s*[A-ZĐ]").Select(m => m.Groups[1].Value).ToHashSet();
        return (numbers, analyzer.GlossaryTerms(doc.Info.Title, tokens).Where(k => k.StartsWith('#')).ToHashSet());
    });

    /// <summary>An abbreviation the question uses or spells out: its glossary key, its letters' tokens, its spelled-out words.</summary>
    private sealed record Abbreviation(string Key, HashSet<string> Letters, string[] Spelled)
    {
        public bool Covers(string term) => Letters.Contains(term) || Spelled.Contains(term);
    }

    private readonly ConditionalWeakTable<BuiltQuery, List<Abbreviation>> _abbreviations = new();

    private List<Abbreviation> Abbreviations(BuiltQuery query) => _abbreviations.GetValue(query, q =>
    {
        var keys = q.Specials.Where(s => s.StartsWith('#')).ToHashSet();
        var found = analyzer.Glossary.Entries.Where(e => keys.Contains(e.Key))
            .Select(e => new Abbreviation(e.Key,
                e.Abbreviations.SelectMany(a => analyzer.Tokenize(a)).Select(t => t.Term).ToHashSet(),
                analyzer.Tokenize(e.Canonical).Select(t => t.Term).Where(t => !StopWords.Contains(t)).ToArray()))
            .ToList();
        // "KH&CN" also reads as "KH" (kế hoạch): the longer abbreviation is the one meant.
        found.RemoveAll(a => found.Any(b => b != a && b.Letters.Count > a.Letters.Count && a.Letters.IsSubsetOf(b.Letters)));
        return found;
    });

    private List<AnswerPart> ReadParts(QuestionAnalysis q, BuiltQuery query, Chunk chunk, string clause)
    {
        var anchors = TopicPositions(clause, query);
        var parts = new List<AnswerPart>();
        // "Số mấy, ban hành ngày nào?": the date is the one the chosen document reference carries.
        var reference = q.AsksFor(Ask.DocumentNumber) ? DocumentReference(q, query, clause, anchors) : null;
        foreach (var ask in q.Asks)
        {
            var part = ask switch
            {
                Ask.Date when reference?.Date is { } dated => dated,
                Ask.Deadline or Ask.Date or Ask.Period => NearestValue(NotEchoed(q, ValueSpans.Dates(clause).Where(d => Fits(ask, d) && OfReport(q, clause, d))), clause, anchors),
                Ask.Person => Person(q, clause, anchors),
                Ask.Figure => Figure(q, chunk, clause, anchors),
                Ask.Unit => Unit(q, chunk, clause, anchors, coordinating: false),
                Ask.CoordinatingUnit => Unit(q, chunk, clause, anchors, coordinating: true),
                Ask.DocumentNumber => reference?.Number,
                Ask.Name => Name(clause, anchors) ?? NamedAfter(q, clause),
                // "Huyện nào?", "khu CNTT tập trung nào?": the proper name the plan puts after those words;
                // "phong trào gì?", "đóng vai trò như cái gì?": what the plan names in quotes.
                Ask.General when WhatQuestion().IsMatch(VietnameseText.Fold(q.Text)) => NamedAfter(q, clause) ?? Name(clause, anchors, quotedOnly: true),
                Ask.List when !q.Asks.Any(a => a is Ask.Unit or Ask.CoordinatingUnit) => Items(q, clause),
                _ => null,
            };
            if (part is null && ask is Ask.Deadline or Ask.Date or Ask.Figure)
                part = FromHeading(ask, chunk);
            if (part is not null && parts.All(p => p.Display != part.Display)) parts.Add(part);
        }
        return parts;
    }

    /// <summary>
    /// "Báo cáo quý … trước ngày nào?" is answered by the date given for the quarterly report, not by
    /// the 6-month or yearly one beside it: the report's period must be named next to the date.
    /// </summary>
    private static bool OfReport(QuestionAnalysis q, string clause, ValueSpan date)
    {
        if (q.ReportPeriod is not { } period || date.Kind == ValueKind.Period) return true;
        // Named before the date ("báo cáo 6 tháng trước ngày 10/6"), in it ("ngày 10 hằng tháng") or just after ("ngày 01/12 hằng năm").
        var near = clause[Math.Max(0, date.Start - 45)..date.Start] + " | " + clause[date.End..Math.Min(clause.Length, date.End + 12)];
        // A date that carries its period ("ngày 10 hằng tháng") names its report; "quý II/2025" or "hằng năm" alone does not.
        if (date.Display.Contains("hằng tháng") || date.Display.Contains("cuối quý")) near += " " + clause[date.Start..date.End];
        var before = VietnameseAnalyzer.FoldAligned(near).ToLowerInvariant();
        var pattern = period switch
        {
            "quy" => @"\bqu\w\b",
            "6 thang" => @"\b6\s+th\w{1,2}ng",
            "nam" => @"\bn\w{1,2}m\b(?!\s+\d)",
            _ => @"\bth\w{1,2}ng\b(?!\s+\d)",
        };
        return Regex.IsMatch(before, pattern);
    }

    /// <summary>
    /// Who holds the post asked about: the clause must name the post ("… làm Trưởng ban"), and the
    /// answer is the person or the post holding it ("Chủ tịch UBND xã"). The plans name no signers
    /// (signature blocks are left out), so "họ tên người ký" finds no one and is declined.
    /// </summary>
    private AnswerPart? Person(QuestionAnalysis q, string clause, List<(int Position, double Weight)> anchors)
    {
        var folded = VietnameseAnalyzer.FoldAligned(clause).ToLowerInvariant();
        var named = Regex.Matches(clause, @"(?:[ÔôBb]à|[Ôô]ng|[Đđ]ồng chí)\s+(?<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,3})")
            .Select(m => new ValueSpan(m.Groups["name"].Index, m.Groups["name"].Index + m.Groups["name"].Length, ValueKind.Number, m.Groups["name"].Value))
            .ToList();
        if (string.IsNullOrEmpty(q.Role)) return NearestValue(named, clause, anchors);
        var role = Regex.Match(folded, $@"\b{Regex.Escape(q.Role).Replace(@"\ ", @"\s+")}\b");
        if (!role.Success) return null;
        if (named.Count > 0) return NearestValue(named, clause, [(role.Index, 1.0)]);
        // "Chủ tịch UBND xã làm Trưởng ban": the post holding the role stands next to it.
        var posts = Regex.Matches(folded, @"\b(?:pho\s+)?(?:chu\s+tich|bi\s+thu|giam\s+doc|chanh\s+van\s+phong|truong\s+phong)(?:\s+(?:ubnd|hdnd|uy\s+ban\s+nhan\s+dan|dang\s+uy|tinh\s+uy|so|phong)(?:\s+(?:xa|tinh|huyen))?)?")
            .Where(m => m.Index + m.Length <= role.Index || m.Index >= role.Index + role.Length)
            .Select(m => new ValueSpan(m.Index, m.Index + m.Length, ValueKind.Number, clause.Substring(m.Index, m.Length)))
            .Where(v => Math.Abs(v.Start - role.Index) < 60)
            .ToList();
        return NearestValue(posts, clause, [(role.Index, 1.0)]);
    }

    /// <summary>
    /// What a list question asks for: the items after the clause's lead-in ("…, nhất là các lĩnh vực trí
    /// tuệ nhân tạo, công nghệ sinh học, …", "gồm: …"), not the sentence that introduces them.
    /// </summary>
    private AnswerPart? Items(QuestionAnalysis q, string clause)
    {
        var folded = VietnameseAnalyzer.FoldAligned(clause).ToLowerInvariant();
        // "… theo hướng chấp nhận những gì?": the items follow the words the question ends its lead-in with.
        var starts = Asked(q).After is { } phrase && Regex.Match(folded, $@"\b{Regex.Escape(phrase)}\b") is { Success: true } said
            ? [said.Index + said.Length]
            : new List<int>();
        starts.AddRange(ListCue().Matches(folded).Select(m => m.Index + m.Length));
        foreach (var start in starts)
        {
            var stop = clause.IndexOfAny(['.', ';', '\n'], start);
            var items = clause[start..(stop < 0 ? clause.Length : stop)].Trim();
            // An enumeration has at least two items.
            if (items.Count(c => c == ',') >= 1 && items.Length >= 12)
                return new AnswerPart(items, items) { Quoted = true };
        }
        return null;
    }

    /// <summary>The two words before "những gì" / "những … nào" / "gì", when they are not function words.</summary>
    private string? AskedAfter(string question)
    {
        var terms = analyzer.Tokenize(question).Select(t => t.Term).ToList();
        var wh = terms.FindLastIndex(t => t is "gi" or "nao");
        if (wh < 2) return null;
        var end = terms.LastIndexOf("nhung", wh);
        if (end < 0) end = terms.LastIndexOf("cac", wh);
        if (end < 0 || wh - end > 3) end = wh;
        if (end < 2 || StopWords.Contains(terms[end - 1]) || StopWords.Contains(terms[end - 2])) return null;
        return terms[end - 2] + " " + terms[end - 1];
    }

    [GeneratedRegex(@"\b(gi|nao)\b")]
    private static partial Regex WhatQuestion();

    /// <summary>
    /// "Khu CNTT tập trung nào …?" → "Khu công nghệ thông tin tập trung Yên Bình": the words before "nào"
    /// (abbreviations spelled out, any OCR spelling) found in the clause, and the capitalised name after them.
    /// </summary>
    private AnswerPart? NamedAfter(QuestionAnalysis q, string clause)
    {
        var asked = Asked(q).Tokens;
        var which = asked.FindIndex(t => t.Term == "nao");
        if (which < 1) return null;
        var noun = new List<string>();
        var firstNoun = which;
        for (var k = which - 1; k >= 0 && noun.Count < 4; k--)
        {
            var term = asked[k].Term;
            if (StopWords.Contains(term) || term.Any(char.IsDigit)) break;
            firstNoun = k;
            var spelled = analyzer.AbbreviationAt(q.Text, asked, k);
            noun.InsertRange(0, spelled is null ? [term] : analyzer.Tokenize(spelled.Canonical).Select(t => t.Term));
        }
        if (noun.Count == 0) return null;
        var said = analyzer.Tokenize(clause);
        for (var start = 0; start < said.Count; start++)
        {
            var at = start;
            var j = 0;
            while (j < noun.Count && at < said.Count && OcrDistance.SameWord(noun[j], said[at].Term, 0.45)) { j++; at++; }
            if (j < noun.Count || at >= said.Count) continue;
            // The name: capitalised words right after the phrase, up to the next punctuation.
            var name = Regex.Match(clause[said[at - 1].End..], @"^\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3})");
            if (name.Success)
            {
                // A proper name is shown as written: the lexicon of common words would misread it ("Yen" → "Đến").
                // It follows the asker's own words for what it names ("đại học" + "Thai Nguyen").
                var value = name.Groups[1].Value;
                var typed = q.Text[asked[firstNoun].Start..asked[which - 1].End];
                return new AnswerPart($"{typed} {value}", value);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\b(?:nh\w{1,2}t\s+(?:l|1)\w|bao\s+g\w{1,2}m|g\w{1,2}m(?:\s+c\w{1,2}c)?|nhu|trong\s+d\w{1,2}\s+c\w)\b(?:\s+c\w{1,2}c\s+(?:l\w{1,2}nh\s+v\w{1,2}c|ng\w{1,2}nh|n\w{1,2}i\s+dung|nhi\w{1,2}m\s+v\w))?\s*:?|:")]
    private static partial Regex ListCue();

    /// <summary>
    /// A value the question itself states is what it asks about, not the answer: "thực hiện NQ 57-NQ/TW
    /// là số mấy?" is not answered by 57-NQ/TW, nor "dân từ 15 tuổi … bao nhiêu %" by 15.
    /// </summary>
    private static List<ValueSpan> NotEchoed(QuestionAnalysis q, IEnumerable<ValueSpan> values)
    {
        // Years only place the question in time ("năm 2025 … quý nào?"): they never rule a value out.
        var asked = Regex.Matches(VietnameseText.Fold(q.Text), @"\d+(?:[.,/]\d+)*").Select(m => m.Value)
            .Where(n => !Regex.IsMatch(n, @"^(19|20)\d\d$")).ToHashSet();
        return values.Where(v => !asked.Contains(Regex.Match(VietnameseText.Fold(v.Display), @"\d+(?:[.,/]\d+)*").Value)).ToList();
    }

    private sealed record Reference(AnswerPart Number, AnswerPart? Date);

    /// <summary>
    /// The document the question describes among those the clause cites: each number is followed by
    /// what identifies it ("03-KH/ĐU ngày 17/7/2025 của Ban Thường vụ Đảng ủy …"), which is matched against
    /// the question. Numbers listed together ("số 1552/BTTTT-TTH và 708/BTTTT-CATTT") answer together.
    /// </summary>
    private Reference? DocumentReference(QuestionAnalysis q, BuiltQuery query, string clause, List<(int Position, double Weight)> anchors)
    {
        var all = ValueSpans.DocumentNumbers(clause);
        var numbers = NotEchoed(q, all);
        if (numbers.Count == 0) return null;
        var best = numbers.MaxBy(n =>
        {
            var next = all.FirstOrDefault(o => o.Start > n.Start);
            var end = Math.Min(next?.Start ?? clause.Length, n.End + 160);
            return WordShare(clause[n.End..end], query) + 0.05 * Closeness(n.Start, anchors);
        })!;
        var first = numbers.IndexOf(best);
        var last = first;
        while (first > 0 && CitedTogether(clause[numbers[first - 1].End..numbers[first].Start])) first--;
        while (last + 1 < numbers.Count && CitedTogether(clause[numbers[last].End..numbers[last + 1].Start])) last++;
        var group = numbers.Skip(first).Take(last - first + 1).ToList();
        var number = new AnswerPart(string.Join(" và ", group.Select(n => n.Display)), clause[group[0].Start..group[^1].End]);
        var date = ValueSpans.Dates(clause).FirstOrDefault(d => d.Start >= group[^1].End && d.Start - group[^1].End < 12 && d.Kind == ValueKind.Date);
        return new Reference(number, date is null ? null : new AnswerPart(date.Display, clause[date.Start..date.End]));
    }

    private static bool CitedTogether(string between) => Regex.IsMatch(VietnameseText.Fold(between), @"^\s*(,|;|va)\s*(so\s+)?$");

    /// <summary>The share of the question's topic words (weighted by how telling they are) that a text holds.</summary>
    private double WordShare(string text, BuiltQuery query)
    {
        var words = analyzer.Tokenize(text).Select(t => t.Term).ToHashSet();
        double total = 0, covered = 0;
        foreach (var w in query.Words)
        {
            var weight = vocabulary.Idf(w.Term);
            total += weight;
            if (w.Forms.Any(f => words.Contains(f.Word))) covered += weight;
        }
        return total == 0 ? 0 : covered / total;
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
        var figures = NotEchoed(q, ValueSpans.Figures(clause).Where(f => !IsYearOrHeadingNumber(clause, f)));
        if (q.Currency)
            figures = figures.Where(f => Regex.IsMatch(VietnameseText.Fold(clause[f.End..Math.Min(clause.Length, f.End + 14)]), @"^\s*(ty|trieu|nghin|ngan)?\s*dong")).ToList();
        // "Bao nhiêu điểm?" is answered by a figure counting points, not by "nhóm 10 tỉnh" nearby.
        if (q.CountedNoun is { } counted && chunk.Kind != ChunkKind.TableRow && analyzer.Tokenize(counted) is [var first, ..] && first.Term is var head)
            figures = figures.Where(f => Counts(clause, f, head)).ToList();
        var percentWanted = Regex.IsMatch(VietnameseText.Fold(q.Text), @"%|phan tram|ty le");
        // "Bao nhiêu %" is answered by a percentage, never by a count that happens to stand nearby.
        if (percentWanted)
            figures = figures.Where(f => f.Kind == ValueKind.Percent).ToList();
        var part = NearestValue(figures, clause, anchors);
        if (part is null) return null;
        return q.CountedNoun is { } noun && !part.Display.EndsWith('%') ? part with { Display = $"{part.Display} {noun}" } : part;
    }

    private bool Counts(string clause, ValueSpan figure, string noun) =>
        analyzer.Tokenize(clause[figure.End..Math.Min(clause.Length, figure.End + 24)]).Take(2)
            .Any(t => OcrDistance.SameWord(noun, t.Term));

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
        var named = Asked(q).Units;
        // The unit the question is about is not the answer to "who" ("thường trực của Ban Chỉ đạo là ai?").
        var found = units.Find(clause);
        // OCR interleaves a row's cells, so a unit's name may come apart in it ("Phòng )/alj-hoa - Kỹ năng số … Xã hội").
        if (chunk.Kind == ChunkKind.TableRow && found.Count == 0) found = units.FindScattered(clause);
        var mentions = found.Where(m => !named.Contains(m.Canonical)).ToList();
        if (chunk.Kind == ChunkKind.TableRow && mentions.Count > 0)
        {
            // Task tables list the lead unit before the coordinating one.
            var pick = coordinating && mentions.Count > 1 ? mentions[1] : coordinating ? null : mentions[0];
            return pick is null ? null : new AnswerPart(pick.Canonical, clause[pick.Start..pick.End]) { Generic = UnitGazetteer.IsGeneric(pick.Canonical) };
        }
        // The unit is often the heading the duty is listed under ("1. Phòng Văn hóa - Xã hội: … tham mưu …").
        var heading = chunk.Section.Split(" › ")[^1];
        var fromHeading = units.Find(heading).FirstOrDefault(m => !UnitGazetteer.IsGeneric(m.Canonical) && !named.Contains(m.Canonical));
        // "Phòng Kinh tế: Chủ trì, phối hợp với Phòng Văn hóa - Xã hội …": who coordinates is not who leads.
        if (!coordinating && mentions.Any(m => Coordinated(clause, m)))
        {
            var leading = mentions.Where(m => !Coordinated(clause, m)).ToList();
            if (leading.Count > 0 || fromHeading is not null) mentions = leading;
        }
        if (mentions.Count == 0 || mentions.All(m => UnitGazetteer.IsGeneric(m.Canonical)) && fromHeading is not null)
            return fromHeading is null ? null : new AnswerPart(fromHeading.Canonical, heading[fromHeading.Start..fromHeading.End]) { FromHeading = heading };

        var cues = RoleCues(clause, coordinating);
        var kind = AskedKind(q.Text);
        // "Văn phòng Tỉnh ủy: Thực hiện vai trò là cơ quan thường trực …": the label names who does what follows.
        var label = Regex.Match(clause, @"^[^:;.]{3,80}:");
        var scored = mentions.Select(m => (m, Score: Closeness(m.Start, anchors) + 2 * Closeness(m.Start, cues)
            + (kind is not null && m.Canonical.StartsWith(kind, StringComparison.Ordinal) ? 1.5 : 0)
            + (label.Success && m.End <= label.Length ? 1.5 : 0)
            - (UnitGazetteer.IsGeneric(m.Canonical) ? 1.5 : 0))).ToList();
        var best = scored.MaxBy(s => s.Score).m;
        var labelled = label.Success && best.End <= label.Length;
        if (!q.AsksFor(Ask.List))
            return new AnswerPart(best.Canonical, clause[best.Start..best.End]) { Generic = UnitGazetteer.IsGeneric(best.Canonical), Labelled = labelled };

        // "Những cơ quan nào?": every unit of the enumeration the best one stands in.
        var at = mentions.IndexOf(best);
        int first = at, last = at;
        while (first > 0 && Enumerated(clause[mentions[first - 1].End..mentions[first].Start])) first--;
        while (last + 1 < mentions.Count && Enumerated(clause[mentions[last].End..mentions[last + 1].Start])) last++;
        var group = mentions.Skip(first).Take(last - first + 1).Where(m => !UnitGazetteer.IsGeneric(m.Canonical) || m == best)
            .Select(m => m.Canonical).Distinct().ToList();
        return new AnswerPart(string.Join(", ", group), clause[mentions[first].Start..mentions[last].End]);
    }

    private static bool Coordinated(string clause, UnitMention m) =>
        Regex.IsMatch(VietnameseAnalyzer.FoldAligned(clause[Math.Max(0, m.Start - 30)..m.Start]).ToLowerInvariant(),
            @"ph\w{1,2}i\s+h\w{1,2}p(\s+v\w{1,2}i)?(\s+c\w{1,2}c)?[\s,]*$");

    private static bool Enumerated(string between) =>
        Regex.IsMatch(VietnameseText.Fold(between), @"^[\s,;()\-]*(va|voi)?[\s,;()\-]*$");

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
    private static AnswerPart? Name(string clause, List<(int Position, double Weight)> anchors, bool quotedOnly = false)
    {
        var candidates = Regex.Matches(clause, quotedOnly ? @"""([^""\n]{2,60})[""']|“([^”\n]{2,60})”" : @"\(([A-Z][A-Za-z0-9&]{1,10})\)|""([^""]{2,60})""|“([^”]{2,60})”")
            .Select(m => new ValueSpan(m.Index, m.Index + m.Length, ValueKind.Number, m.Groups.Values.Skip(1).First(g => g.Success).Value))
            .ToList();
        return NearestValue(candidates, clause, anchors);
    }
}
