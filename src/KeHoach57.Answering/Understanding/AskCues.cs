using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Understanding;

/// <summary>One cue phrase of asks.tsv, as folded words ("*" a gap of one to six words).</summary>
/// <param name="Capitals">Per word: written in capitals in asks.tsv ("QĐ nào"). A word typed in capitals in a
/// question is an acronym ("AI" is artificial intelligence, not "ai", who) and matches only such cue words.</param>
/// <param name="Marked">Per word: its <see cref="VietnameseText.MarkKey"/>, for questions typed with diacritics.</param>
/// <param name="Subject">Its words stay in the subject: they say what is asked about, as well as how ("ngày ban hành").</param>
/// <param name="Optional">Kept in the subject, but a clause need not say them: they name the kind of value ("tỷ lệ",
/// "chỉ tiêu"), which the value itself shows ("Đạt 65% người dân có …").</param>
/// <param name="Percent">A figure cue that names a percentage ("mấy phần trăm", "tỷ lệ"): a percentage is asked.</param>
public sealed record AskCue(AskKind Kind, string Text, string[] Words, string[] Marked, bool[] Capitals, double Weight, int Line, bool Subject = false,
    bool Optional = false, bool Percent = false);

/// <summary>Where a cue was found in a question: token positions [Start, End).</summary>
public sealed record CueMatch(AskCue Cue, int Start, int End)
{
    public AskKind Kind => Cue.Kind;
    public bool Overlaps(CueMatch other) => Start < other.End && other.Start < End;
}

/// <summary>
/// The cue phrases that say what a question asks for (asks.tsv beside this file), loaded and checked once.
/// A bad row (unknown kind, empty cue, weight out of range, duplicate) stops the start with a message naming its line.
/// </summary>
public sealed class AskCues
{
    private const int MaxGap = 6;
    private readonly Dictionary<string, List<AskCue>> _byFirstWord = new(StringComparer.Ordinal);

    public IReadOnlyList<AskCue> All { get; }

    public AskCues(string tsv, string source = "asks.tsv")
    {
        var cues = new List<AskCue>();
        var seen = new HashSet<(AskKind, string)>();
        foreach (var line in DataLines.Read(tsv))
        {
            string Where() => $"{source}:{line.Number}";
            if (!Enum.TryParse<AskKind>(line.Field(0), ignoreCase: false, out var kind))
                throw new InvalidDataException($"{Where()}: unknown kind \"{line.Field(0)}\" (known: {string.Join(", ", Enum.GetNames<AskKind>())})");
            var words = VietnameseText.Fold(line.Field(1)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || words.All(w => w == "*"))
                throw new InvalidDataException($"{Where()}: empty cue");
            // Questions are matched after their numbers in words are read as digits ("một lần" → "1 lần").
            if (NumberWords.Normalize(line.Field(1)) != line.Field(1))
                throw new InvalidDataException($"{Where()}: \"{line.Field(1)}\" can never match: questions are read with numbers as digits (\"{NumberWords.Normalize(line.Field(1))}\")");
            if (words[0] == "*" || words[^1] == "*")
                throw new InvalidDataException($"{Where()}: a cue cannot start or end with \"*\"");
            if (!double.TryParse(line.Field(2), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight) || weight <= 0 || weight > 2)
                throw new InvalidDataException($"{Where()}: weight \"{line.Field(2)}\" must be a number in (0, 2]");
            if (!seen.Add((kind, string.Join(' ', words))))
                throw new InvalidDataException($"{Where()}: duplicate cue \"{line.Field(1)}\" for {kind}");
            var written = line.Field(1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (written.Length != words.Length)
                throw new InvalidDataException($"{Where()}: write a cue as plain words (\"{line.Field(1)}\")");
            if (line.Field(3) is not ("" or "keep" or "optional"))
                throw new InvalidDataException($"{Where()}: subject column must be \"keep\", \"optional\" or empty, not \"{line.Field(3)}\"");
            if (line.Field(4) is not ("" or "percent"))
                throw new InvalidDataException($"{Where()}: value column must be \"percent\" or empty, not \"{line.Field(4)}\"");
            if (line.Field(4) == "percent" && kind != AskKind.Figure)
                throw new InvalidDataException($"{Where()}: only a Figure cue can name a percentage, not a {kind} cue");
            var cue = new AskCue(kind, line.Field(1), words, written.Select(VietnameseText.MarkKey).ToArray(), written.Select(IsCapitals).ToArray(), weight, line.Number,
                line.Field(3) is "keep" or "optional", line.Field(3) == "optional", line.Field(4) == "percent");
            cues.Add(cue);
            if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
            list.Add(cue);
        }
        All = cues;
    }

    public static AskCues Default { get; } = new(DataLines.ReadEmbedded(typeof(AskCues).Assembly, "KeHoach57.Answering.Understanding.asks.tsv"));

    /// <summary>Two letters or more, all capitals: an acronym.</summary>
    public static bool IsCapitals(string word) => word.Count(char.IsLetter) >= 2 && word.Where(char.IsLetter).All(char.IsUpper);

    /// <summary>A question's words as cue matching reads them.</summary>
    /// <param name="Folded">Folded words.</param>
    /// <param name="Marked">Their <see cref="VietnameseText.MarkKey"/>s when the question was typed with diacritics, else null
    /// (then "gia" may be "giá": nothing tells them apart).</param>
    /// <param name="Capitals">Per word: typed in capitals (an acronym).</param>
    /// <param name="Breaks">Per word: a comma, semicolon or sentence mark stands right before it (see <see cref="Resolve"/>).</param>
    public sealed record Words(IReadOnlyList<string> Folded, IReadOnlyList<string>? Marked, IReadOnlyList<bool> Capitals, IReadOnlyList<bool> Breaks)
    {
        /// <summary>Per word, the compound it is a syllable of (<see cref="Compounds"/>), or null.</summary>
        public (int Start, int End)?[] Compounds => field ??= Core.Text.Compounds.Default.Spans(Folded);
    }

    /// <summary>Every occurrence of every cue in a question's words.</summary>
    public List<CueMatch> FindAll(Words words)
    {
        var found = new List<CueMatch>();
        for (var i = 0; i < words.Folded.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(words.Folded[i], out var cues)) continue;
            foreach (var cue in cues)
                if (MatchAt(cue, 0, words, i, []) is { } end) found.Add(new CueMatch(cue, i, end));
        }
        return found;
    }

    /// <summary>
    /// The cues that count: heavier first (longer on a tie); a cue overlapping one already kept is dropped,
    /// unless it asks for the same kind ("đơn vị nào" inside "đơn vị nào phối hợp với" is the ask's word, not a
    /// subject word the clause must say) or one of the two asks for a List and the other ends where it ends
    /// ("những cơ quan nào" asks for several organisations; the "mấy" of "mấy ngành nào" asks for no figure).
    /// </summary>
    public List<CueMatch> Resolve(Words words)
    {
        var kept = new List<CueMatch>();
        var found = FindAll(words);
        found.RemoveAll(m => SwallowsAnotherAsk(m, found, words));
        foreach (var m in found.OrderByDescending(m => m.Cue.Weight).ThenByDescending(m => m.End - m.Start).ThenBy(m => m.Start))
        {
            var clash = kept.Any(k => k.Overlaps(m) && k.Kind != m.Kind && !(Combines(k.Kind, m.Kind) && k.End == m.End));
            if (!clash) kept.Add(m);
        }
        return kept;
    }

    /// <summary>
    /// A cue with a gap that reaches across a break into another ask said in full, where an ask also stands before the
    /// break: "số mấy, ký ngày nào" asks a number and a date, not "mấy * nào" (several of something). "những ngành,
    /// lĩnh vực nào" and "những nghị quyết, kế hoạch nào" ask once, for several, and stand.
    /// </summary>
    private static bool SwallowsAnotherAsk(CueMatch m, List<CueMatch> all, Words words) =>
        m.Cue.Words.Contains("*") && (EndsInAnotherAsk(m, all) || all.Any(o =>
            o.Kind != m.Kind && o.Kind != AskKind.Fact && o.Start > m.Start && o.End <= m.End
            && Enumerable.Range(m.Start + 1, o.Start - m.Start).FirstOrDefault(k => words.Breaks[k]) is var cut and > 0
            // Before the break stands an ask of its own ("số mấy,"): two asks. "những nghị quyết, kế hoạch nào" lists
            // kinds of document before a comma and asks once, for several.
            && all.Any(a => a != m && a != o && a.Kind != AskKind.Fact && a.Start < cut && a.End > m.Start)));

    /// <summary>
    /// A cue with a gap whose question word another kind's cue of two words or more takes whole inside the gap: "nào" asks
    /// about the word right before it, so "phòng ban xã … là ngày nào" asks for a date, not for a "phòng * nào". A question
    /// word alone ("ai") is the gapped cue's own ("gửi cho những ai"), and so is a unit ask inside a unit ask ("làm cùng
    /// phòng nào" asks for a coordinating unit); a list's cue is not meant: "những cơ quan nào" asks for several organisations.
    /// </summary>
    private static bool EndsInAnotherAsk(CueMatch m, List<CueMatch> all) =>
        m.Kind != AskKind.List && all.Any(o => o.Kind != m.Kind && !(o.Kind.AsksOrganisation() && m.Kind.AsksOrganisation()) && o.Kind is not (AskKind.Fact or AskKind.List)
            && o.Start > m.Start && o.End == m.End && o.End - o.Start >= 2 && !o.Cue.Words.Contains("*"));

    private static bool Combines(AskKind a, AskKind b) =>
        (a == AskKind.List) != (b == AskKind.List) && a != AskKind.Fact && b != AskKind.Fact;

    /// <param name="said">Positions the cue's own words took so far: a compound must be taken whole or not at all.</param>
    private static int? MatchAt(AskCue cue, int c, Words words, int i, List<int> said)
    {
        if (c == cue.Words.Length) return TakesWholeWords(words, said) ? i : null;
        if (cue.Words[c] == "*")
        {
            for (var gap = 1; gap <= MaxGap && i + gap <= words.Folded.Count; gap++)
                if (MatchAt(cue, c + 1, words, i + gap, said) is { } end) return end;
            return null;
        }
        if (i >= words.Folded.Count || words.Folded[i] != cue.Words[c]) return null;
        if (words.Marked is not null && words.Marked[i] != cue.Marked[c]) return null;
        if (words.Capitals[i] && !cue.Capitals[c]) return null;
        said.Add(i);
        var result = MatchAt(cue, c + 1, words, i + 1, said);
        said.RemoveAt(said.Count - 1);
        return result;
    }

    /// <summary>"sở * nào" does not take the "sở" of "cơ sở dữ liệu nào"; "văn phòng nào" takes all of "văn phòng".</summary>
    private static bool TakesWholeWords(Words words, List<int> said)
    {
        var spans = words.Compounds;
        foreach (var p in said)
            if (spans[p] is { } span)
                for (var k = span.Start; k < span.End; k++)
                    if (!said.Contains(k)) return false;
        return true;
    }
}
