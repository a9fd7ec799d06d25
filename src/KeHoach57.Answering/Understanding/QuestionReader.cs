using System.Text;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval.Query;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Understanding;

/// <summary>
/// The "understand" step: reads once what a question asks for (from the cue data), what it is about,
/// which places and plans it names, and the year, numbers and names it states.
/// </summary>
public sealed partial class QuestionReader(
    VietnameseAnalyzer analyzer,
    AskCues cues,
    PlaceReader places,
    DocumentKinds documents,
    UnitGazetteer units,
    QueryBuilder queries,
    IOptions<AnsweringOptions> options)
{
    [GeneratedRegex(@"^(?:\d+[a-z]+\d*|[a-z]+\d+[a-z]*)$")]
    private static partial Regex IdentifierShape();

    [GeneratedRegex(@"^(19|20)\d\d$")]
    private static partial Regex YearShape();

    [GeneratedRegex(@"(?<![\d/])((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?![\d/])")]
    private static partial Regex YearRange();

    public QuestionFacts Read(string question)
    {
        var typed = VietnameseText.CollapseSpaces(VietnameseText.Normalize(question)).Trim();
        var text = NumberWords.Normalize(typed);
        var words = analyzer.Tokenize(text, repair: false);
        var folded = words.Select(w => w.Term).ToList();
        var surfaces = words.Select(w => text.Substring(w.Start, w.Length)).ToList();
        var marked = VietnameseText.TypedWithMarks(surfaces) ? surfaces.Select(VietnameseText.MarkKey).ToList() : null;
        var breaks = words.Select((w, k) => k > 0 && text.AsSpan(words[k - 1].End, w.Start - words[k - 1].End).IndexOfAny(",;?!.") >= 0).ToList();
        var cueWords = new AskCues.Words(folded, marked, surfaces.Select(AskCues.IsCapitals).ToList(), breaks);

        var named = places.Read(text, words);
        var matches = cues.Resolve(cueWords);
        // Chat shorthand is read as what it stands for ("đv nào" asks what "đơn vị nào" asks, "bc" is "báo cáo").
        var (spelled, origin) = SpellOut(text, words, marked is not null, breaks);
        var spelledMatches = origin.SequenceEqual(Enumerable.Range(0, words.Count)) ? matches : cues.Resolve(spelled);
        var (asks, plural) = Asks(spelledMatches);

        var taken = new HashSet<int>(named.Words);
        var takenSpelled = new HashSet<int>(Enumerable.Range(0, origin.Count).Where(i => named.Words.Contains(origin[i])));
        foreach (var m in spelledMatches.Where(m => !m.Cue.Subject))
            for (var i = m.Start; i < m.End; i++)
            {
                takenSpelled.Add(i);
                taken.Add(origin[i]);
            }
        // Chat words typed with their marks ("cho em hỏi", "tỉnh làm theo cách nào", "… nha") are manners, not the subject.
        if (marked is not null)
        {
            var compounds = cueWords.Compounds;
            for (var i = 0; i < origin.Count; i++)
                if (compounds[origin[i]] is null && StopWords.TypedAsStop(surfaces[origin[i]]))
                {
                    takenSpelled.Add(i);
                    taken.Add(origin[i]);
                }
        }

        // "Kế hoạch nào nêu: hạn … là trước ngày 25/11?": the words that lead to a stated day say nothing of the subject,
        // and a plan's OCR spells them worst ("trwdc ngay"); the day itself is checked number by number.
        if (asks.Count > 0 && asks[0].Kind == AskKind.Plan)
        {
            var dayWords = DayWords(text, words);
            taken.UnionWith(dayWords);
            for (var i = 0; i < origin.Count; i++)
                if (dayWords.Contains(origin[i])) takenSpelled.Add(i);
        }

        // The subject in spelled-out words ("xd KH" is about "xây dựng kế hoạch").
        var subject = new List<string>();
        var terms = spelled.Folded.Select(analyzer.NormalizeWord).ToList();
        // A word taken as a place or an ask makes no two-syllable word with its neighbour: the "là" of "xã Yên Hòa là
        // ngày nào" is grammar, not the "lá" of "hoa lá".
        var stop = StopWords.Mask(terms.Select((t, i) => takenSpelled.Contains(i) ? "" : t).ToList());
        for (var i = 0; i < terms.Count; i++)
        {
            if (takenSpelled.Contains(i) || spelled.Folded[i] == "%") continue;
            if (!stop[i] && !subject.Contains(terms[i])) subject.Add(terms[i]);
        }
        var search = new StringBuilder(text.Length);
        var at = 0;
        foreach (var k in taken.Order())
        {
            // A blank where a question word stood keeps the words around it from reading as one phrase.
            search.Append(text, at, words[k].Start - at).Append(" . ");
            at = words[k].End;
        }
        search.Append(text, at, text.Length - at);

        var (lead, leadText) = Lead(text, words, folded, matches, named);
        var numbers = folded.Where(t => t.All(char.IsDigit)).ToList();
        var years = numbers.Where(n => YearShape().IsMatch(n)).Select(int.Parse).ToList();
        var subjectText = VietnameseText.CollapseSpaces(search.ToString());
        return new QuestionFacts(
            typed,
            text,
            asks,
            plural,
            subject,
            subjectText,
            years.Count > 0 ? years[^1] : null,
            named,
            CountedNoun(text, words, folded, matches),
            folded.Where(t => IdentifierShape().IsMatch(t))
                .Concat(YearRange().Matches(text).Select(m => m.Groups[1].Value + "-" + m.Groups[2].Value)).Distinct().ToList(),
            ExtractNumbers(text).Where(n => !YearShape().IsMatch(n)).Distinct().ToList(),
            UnitHead(words, folded, matches),
            AskedSymbol(folded, matches),
            lead,
            leadText)
        {
            Query = queries.Build(subjectText),
            AsksOrganisation = spelledMatches.Any(m => m.Kind.AsksOrganisation()
                && Enumerable.Range(m.Start, m.End - m.Start).Any(i => UnitGazetteer.NamesOrganisation(spelled.Folded, i))),
            PercentAsked = PercentAsked(matches),
            AskWords = spelledMatches.SelectMany(m => Enumerable.Range(m.Start, m.End - m.Start)).Select(i => origin[i]).ToHashSet(),
            Organisations = NamedInFull(text, words, cueWords),
            Optional = spelledMatches.Where(m => m.Cue.Optional).SelectMany(m => Enumerable.Range(m.Start, m.End - m.Start))
                .Select(i => analyzer.NormalizeWord(spelled.Folded[i])).ToHashSet(),
        };
    }

    private const int LeadWords = 4;

    /// <summary>The letter words of the stated days ("trước ngày 25/11", "ngày 10 hằng tháng"), by token position.</summary>
    private static HashSet<int> DayWords(string text, List<Token> words)
    {
        var days = ValueSpans.Dates(text).Where(d => d.Display.Contains("ngày")).ToList();
        var found = new HashSet<int>();
        for (var k = 0; k < words.Count; k++)
            if (!words[k].Term.Any(char.IsDigit) && days.Any(d => words[k].Start >= d.Start && words[k].End <= d.End)) found.Add(k);
        return found;
    }

    /// <summary>
    /// Up to four words right before the question word ("nào", "gì") or the first cue, not crossing grammar
    /// words, numbers or places; abbreviations spelled out, since the plans write them either way.
    /// </summary>
    private (List<string>, string) Lead(string text, List<Token> words, List<string> folded, List<CueMatch> matches, PlacesNamed named)
    {
        var anchor = -1;
        foreach (var m in matches.OrderBy(m => m.Start))
        {
            for (var k = m.Start; k < m.End && anchor < 0; k++)
                if (folded[k] is "nao" or "gi") anchor = k;
            if (anchor >= 0) break;
        }
        if (anchor < 0 && matches.Count > 0) anchor = matches.Min(m => m.Start);
        if (anchor <= 0) return ([], "");
        var first = anchor;
        while (first > 0 && anchor - first < LeadWords)
        {
            var term = analyzer.NormalizeWord(folded[first - 1]);
            if (StopWords.Contains(term) || term.Any(char.IsDigit) || named.Words.Contains(first - 1) || folded[first - 1] == "%") break;
            first--;
        }
        if (first == anchor) return ([], "");
        var lead = new List<string>();
        var repaired = analyzer.Tokenize(text[words[first].Start..words[anchor - 1].End]);
        for (var k = 0; k < repaired.Count; k++)
        {
            var spelled = analyzer.AbbreviationSpanAt(text[words[first].Start..words[anchor - 1].End], repaired, k);
            if (spelled is null) lead.Add(repaired[k].Term);
            else
            {
                lead.AddRange(analyzer.Tokenize(spelled.Value.Entry.Canonical).Select(t => t.Term));
                k += spelled.Value.Length - 1;
            }
        }
        return (lead, text[words[first].Start..words[anchor - 1].End]);
    }

    /// <summary>The question's words with each glossary abbreviation replaced by its spelled-out words, and for each word the question word it came from.</summary>
    private (AskCues.Words Words, List<int> Origin) SpellOut(string text, List<Token> words, bool marked, List<bool> breaks)
    {
        var folded = new List<string>();
        var marks = new List<string>();
        var capitals = new List<bool>();
        var origin = new List<int>();
        for (var k = 0; k < words.Count; k++)
        {
            var surface = text.Substring(words[k].Start, words[k].Length);
            if (analyzer.AbbreviationSpanAt(text, words, k) is ({ } entry, var length) && entry.Canonical.Contains(' '))
            {
                foreach (var t in analyzer.Tokenize(entry.Canonical, repair: false))
                {
                    folded.Add(t.Term);
                    marks.Add(VietnameseText.MarkKey(entry.Canonical.Substring(t.Start, t.Length)));
                    capitals.Add(false);
                    origin.Add(k);
                }
                k += length - 1;
                continue;
            }
            folded.Add(words[k].Term);
            marks.Add(VietnameseText.MarkKey(surface));
            capitals.Add(AskCues.IsCapitals(surface));
            origin.Add(k);
        }
        // A spelled-out word breaks where its first word does.
        var spelledBreaks = origin.Select((k, i) => breaks[k] && (i == 0 || origin[i - 1] != k)).ToList();
        return (new AskCues.Words(folded, marked ? marks : null, capitals, spelledBreaks), origin);
    }

    /// <summary>The question with the places it names left out ("Hạn báo cáo của xã Yên Hòa?" → "Hạn báo cáo của?").</summary>
    public string WithoutPlaces(string question)
    {
        var text = NumberWords.Normalize(VietnameseText.CollapseSpaces(VietnameseText.Normalize(question)).Trim());
        var words = analyzer.Tokenize(text, repair: false);
        return Without(text, words, places.Read(text, words).Words);
    }

    /// <summary>The question without the words that say what it asks ("số mấy", "ban hành ngày nào"): what it is about.</summary>
    public string WithoutAsks(string question)
    {
        // Read has normalised the text the ask words are positions in: the same text, tokenised the same way.
        var facts = Read(question);
        return Without(facts.Text, analyzer.Tokenize(facts.Text, repair: false), facts.AskWords);
    }

    private static string Without(string text, List<Token> words, IEnumerable<int> cut)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var k in cut.Order())
        {
            sb.Append(text, at, words[k].Start - at);
            at = words[k].End;
        }
        return VietnameseText.CollapseSpaces(sb.Append(text, at, text.Length - at).ToString()).Trim();
    }

    /// <summary>Kinds asked, strongest first: each kind's strength is its heaviest cue; List joins another kind as "plural".</summary>
    private (List<AskedKind>, bool) Asks(List<CueMatch> matches)
    {
        var byKind = matches.GroupBy(m => m.Kind)
            .Select(g => g.OrderByDescending(m => m.Cue.Weight).First())
            .Select(m => new AskedKind(m.Kind, m.Cue.Weight, m.Start, m.Cue.Text))
            .OrderByDescending(a => a.Strength).ThenBy(a => a.Position)
            .ToList();
        // Question words of a kind ("gì", "nào") are only a fallback: a kind said outright wins, unless the
        // question asks a second thing outright ("ngày nào, về nội dung gì").
        var min = options.Value.MinSecondaryAskStrength;
        if (byKind.Any(a => a.Kind != AskKind.Fact)) byKind.RemoveAll(a => a.Kind == AskKind.Fact && a.Strength < min);
        // One organisation is asked for: the coordinating one or the recipient, when the question says so, rather than the lead.
        if (byKind.Any(a => a.Kind is AskKind.CoUnits or AskKind.Recipient)) byKind.RemoveAll(a => a.Kind == AskKind.LeadUnit);
        var plural = byKind.Any(a => a.Kind == AskKind.List) && byKind.Any(a => a.Kind != AskKind.List);
        if (plural) byKind.RemoveAll(a => a.Kind == AskKind.List);
        var asks = byKind.Where((a, i) => i == 0 || a.Strength >= min).ToList();
        return (asks, plural);
    }

    /// <summary>
    /// Whether a figure cue of the question names a percentage (asks.tsv's value column). A "%" the question states
    /// ("cho 15% doanh nghiệp") is what it asks about, not what it asks for.
    /// </summary>
    private static bool PercentAsked(List<CueMatch> matches) => matches.Any(m => m.Cue.Percent);

    /// <summary>"bao nhiêu sáng kiến" → "sáng kiến": the words right after a figure cue, as typed, when they are not grammar.</summary>
    private string? CountedNoun(string text, List<Token> words, List<string> folded, List<CueMatch> matches)
    {
        // "bao nhiêu phần trăm …": a percentage is asked, not a count (the shorter cue "bao nhiêu" matches there too).
        if (PercentAsked(matches)) return null;
        // Only a cue that counts ("bao nhiêu", "mấy") is followed by what it counts: "chỉ tiêu độ phủ …" names the value asked.
        var cue = matches.Where(m => m.Kind == AskKind.Figure && !m.Cue.Optional).MinBy(m => m.Start);
        if (cue is null || cue.End >= words.Count) return null;
        var first = cue.End;
        // "đặt bao nhiêu, xã Trường Giang …": what follows a comma is not what is counted.
        if (text.AsSpan(words[first - 1].End, words[first].Start - words[first - 1].End).ContainsAny(",;:.?!()")) return null;
        var term = analyzer.NormalizeWord(folded[first]);
        if (StopWords.Contains(term) || term.Any(char.IsDigit) || folded[first] == "%") return null;
        var last = first;
        if (first + 1 < words.Count && !StopWords.Contains(analyzer.NormalizeWord(folded[first + 1])) && !folded[first + 1].Any(char.IsDigit)) last = first + 1;
        return text[words[first].Start..words[last].End];
    }

    /// <summary>
    /// Organisations the question names as typed and with their kind word: "dịch vụ số y tế" names no Sở Y tế (a kind
    /// word typed with marks must carry the name's own, and one a compound takes, "dich vu so", is no kind word), and a
    /// generic name ("các sở, ngành") names no one in particular.
    /// </summary>
    private List<string> NamedInFull(string text, List<Token> words, AskCues.Words cueWords) =>
        units.Find(text)
            .Where(m => m.Distance == 0 && !UnitGazetteer.IsGeneric(m.Canonical) && WithItsKind(m, words, cueWords))
            .Select(m => m.Canonical).Distinct().ToList();

    private static bool WithItsKind(UnitMention mention, List<Token> words, AskCues.Words cueWords)
    {
        var k = words.FindIndex(w => w.Start >= mention.Start);
        if (k < 0 || words[k].Start >= mention.End || UnitGazetteer.KindAt(cueWords.Folded, k) is null) return false;
        if (cueWords.Compounds[k] is { } compound && compound.Start < k) return false;
        var typed = cueWords.Marked?[k];
        return typed is null || typed.EndsWith('|') || typed == VietnameseText.MarkKey(mention.Canonical.Split(' ')[0]);
    }

    /// <summary>"phòng nào" → "Phòng": the first word of organisation names when the question asks "which X".</summary>
    private string? UnitHead(List<Token> words, List<string> folded, List<CueMatch> matches)
    {
        foreach (var m in matches.Where(m => m.Kind.AsksOrganisation() || m.Kind == AskKind.List))
            for (var k = m.Start; k + 1 < m.End; k++)
            {
                if (folded[k + 1] != "nao") continue;
                if (k > m.Start && units.HeadFor(folded[k - 1] + " " + folded[k]) is { } two) return two;
                if (units.HeadFor(folded[k]) is { } one) return one;
            }
        return null;
    }

    /// <summary>"nghị quyết số mấy" → "NQ": numbers of that kind answer it.</summary>
    private string? AskedSymbol(List<string> folded, List<CueMatch> matches)
    {
        // The kind is in the cue ("nghị quyết số mấy") or just before it ("Chương trình hành động số mấy").
        var asked = matches.Where(m => m.Kind == AskKind.DocumentRef).ToList();
        foreach (var m in asked)
            for (var k = m.Start; k >= Math.Max(0, m.Start - 4); k--)
                if (documents.At(folded, k) is { } kind && k + kind.Length >= m.Start && kind.Kind.Symbol.Length > 0) return kind.Kind.Symbol;
        // Or it heads the question the cue ends ("Còn kế hoạch cùng nội dung của Ban Thường vụ Tỉnh ủy là số mấy?"), when
        // that is the only kind the question names up to the end of the ask ("… những nghị quyết, kế hoạch nào" names two).
        if (asked.Count == 0) return null;
        var before = Enumerable.Range(0, asked.Max(m => m.End)).Select(k => documents.At(folded, k)).OfType<(DocumentKind Kind, int Length)>()
            .Select(k => k.Kind.Symbol).Distinct().ToList();
        return before is [{ Length: > 0 } only] ? only : null;
    }

    private static IEnumerable<string> ExtractNumbers(string text) =>
        StatedNumber.Pattern().Matches(text).Select(m => m.Value);
}
