using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Values;

/// <summary>A unit named in a passage: where (offsets into the passage) and its proper name.</summary>
public sealed record UnitMention(int Start, int End, string Canonical, double Distance);

/// <summary>
/// Organisation names in their proper Vietnamese form (units.tsv), found in OCR text tolerantly:
/// "Phong Vin héa - X3 hoi" is "Phòng Văn hóa - Xã hội", "S&amp; Khoa hoc va Cong nghé" is
/// "Sở Khoa học và Công nghệ". Answers print the canonical form; citations keep the source.
/// </summary>
public sealed class UnitGazetteer
{
    private readonly VietnameseAnalyzer _analyzer;
    private readonly List<(string[] Words, string Canonical)> _forms = [];
    private readonly Dictionary<string, string> _heads = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string[] Words, string Canonical)[]> _startingWith = new();
    private readonly string[] _firstWords;

    public UnitGazetteer(VietnameseAnalyzer analyzer, string? tsv = null)
    {
        _analyzer = analyzer;
        tsv ??= ReadEmbedded();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            var canonical = VietnameseText.Normalize(parts[0]).Trim();
            var forms = new List<string> { canonical };
            if (parts.Length > 1) forms.AddRange(parts[1].Split('|').Select(f => VietnameseText.Normalize(f).Trim()).Where(f => f.Length > 0));
            foreach (var form in forms)
            {
                var words = analyzer.Tokenize(form).Select(t => t.Term).ToArray();
                if (words.Length > 0) _forms.Add((words, canonical));
            }
        }
        // Longer names first, so "Công an tỉnh" wins over "Công an".
        _forms.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        _firstWords = _forms.Select(f => f.Words[0]).Distinct(StringComparer.Ordinal).ToArray();
        // The first one or two words of a name say what kind of organisation it is: "Phòng", "Sở", "Trung tâm".
        foreach (var canonical in CanonicalNames.Where(c => !IsGeneric(c)))
        {
            var parts = canonical.Split(' ');
            for (var n = 1; n <= Math.Min(2, parts.Length - 1); n++)
                _heads.TryAdd(VietnameseText.Fold(string.Join(' ', parts.Take(n))), string.Join(' ', parts.Take(n)));
        }
    }

    public IEnumerable<string> CanonicalNames => _forms.Select(f => f.Canonical).Distinct();

    /// <summary>
    /// The organisation a label names when OCR damaged its tail ("Ban Tuyên giáo và Dan 4n:"): the one name whose
    /// first <paramref name="minWords"/> words or more the label's words start with (Known), or, when the label starts
    /// with a kind of organisation ("Ủy ban …", "Ban …") and a capital, the label as written. Null otherwise.
    /// </summary>
    public (string Name, bool Known)? NameOfLabel(string label, int minWords = 3)
    {
        var tokens = _analyzer.Tokenize(label);
        if (tokens.Count == 0 || tokens.Count > 12) return null;
        var byPrefix = _forms
            .Select(f => (f.Canonical, Matched: f.Words.Zip(tokens).TakeWhile(p => Near(p.First, p.Second.Term)).Count(), f.Words.Length))
            .Where(f => f.Matched >= Math.Min(minWords, f.Length) && (f.Matched >= Math.Min(tokens.Count, f.Length) || DamagedTail(f.Matched, f.Length, tokens.Count, minWords)))
            .OrderByDescending(f => f.Matched).ThenBy(f => f.Length)
            .FirstOrDefault();
        if (byPrefix.Canonical is not null) return (byPrefix.Canonical, true);
        var head = tokens.Count > 2 && HeadFor(tokens[0].Term + " " + tokens[1].Term) is not null ? 2 : 1;
        var named = tokens.Count > head && HeadFor(string.Join(' ', tokens.Take(head).Select(t => t.Term))) is not null
                    && char.IsUpper(label[tokens[0].Start]) && char.IsUpper(label[tokens[head].Start]);
        return named ? (label.Trim(), false) : null;
    }

    /// <summary>
    /// All but the label's last word match a longer name, and enough of them to tell it ("Ban Tuyên giáo và Dân 4n" for
    /// "Ban Tuyên giáo và Dân vận Tỉnh ủy"): the one left is the name's next word as OCR damaged it.
    /// </summary>
    private static bool DamagedTail(int matched, int nameLength, int labelLength, int minWords) =>
        matched == labelLength - 1 && matched > minWords && matched < nameLength;

    // unit-kinds.tsv: kinds of organisation, and the words that name organisations of any kind ("general").
    private static readonly Lazy<(FoldedPhrases Kinds, FoldedPhrases General)> KindRows = new(() =>
    {
        var rows = DataLines.Read(DataLines.ReadEmbedded(typeof(UnitGazetteer).Assembly, "KeHoach57.Answering.Values.unit-kinds.tsv"))
            .Select(l => (Kind: l.Fields[0], General: l.Field(1) switch
            {
                "" => false,
                "general" => true,
                var other => throw new InvalidDataException($"unit-kinds.tsv:{l.Number}: second column must be \"general\" or empty, not \"{other}\""),
            })).ToList();
        return (new FoldedPhrases(rows.Where(r => !r.General).Select(r => r.Kind)), new FoldedPhrases(rows.Where(r => r.General).Select(r => r.Kind)));
    });

    /// <summary>Whether <paramref name="folded"/>'s words at <paramref name="at"/> name organisations, of a kind or in general ("cơ quan").</summary>
    public static bool NamesOrganisation(IReadOnlyList<string> folded, int at) =>
        KindRows.Value.Kinds.At(folded, at) is not null || KindRows.Value.General.At(folded, at) is not null;

    /// <summary>
    /// The kind of organisation (unit-kinds.tsv) that <paramref name="folded"/>'s words start with at <paramref name="at"/>,
    /// folded ("van phong" for "Văn phòng UBND tỉnh"), or null.
    /// </summary>
    public static string? KindAt(IReadOnlyList<string> folded, int at = 0) =>
        KindRows.Value.Kinds.At(folded, at) is { } kind ? string.Join(' ', kind) : null;

    /// <summary>"phong" → "Phòng", "trung tam" → "Trung tâm": the kind of organisation a question asks for, or null.</summary>
    public string? HeadFor(string folded) => _heads.GetValueOrDefault(folded);

    private static string ReadEmbedded()
    {
        return DataLines.ReadEmbedded(typeof(UnitGazetteer).Assembly, "KeHoach57.Answering.Values.units.tsv");
    }

    /// <summary>Every unit named in <paramref name="text"/>, left to right, without overlaps.</summary>
    public List<UnitMention> Find(string text)
    {
        var tokens = MergeBrokenWords(text, _analyzer.Tokenize(text));
        var mentions = new List<UnitMention>();
        var k = 0;
        while (k < tokens.Count)
        {
            UnitMention? found = null;
            var length = 0;
            foreach (var (words, canonical) in FormsStartingNear(tokens[k].Term))
            {
                if (k + words.Length > tokens.Count) continue;
                var total = 0.0;
                var ok = true;
                for (var j = 0; j < words.Length && ok; j++)
                {
                    var d = WordDistance(words[j], tokens[k + j].Term);
                    ok = d <= Math.Max(OcrDistance.Threshold(words[j].Length), 0.45) && (j == 0 || !Breaks(text, tokens[k + j - 1], tokens[k + j]));
                    total += d;
                }
                // The first word (Sở, Phòng, Ban…) must be right or nearly so: it says what kind of unit this is.
                if (!ok || total / words.Length > 0.3) continue;
                found = new UnitMention(tokens[k].Start, tokens[k + words.Length - 1].End, canonical, total);
                length = words.Length;
                break;
            }
            if (found is not null)
            {
                mentions.Add(found);
                k += length;
            }
            else k++;
        }
        return mentions;
    }

    /// <summary>
    /// Whether a bracket, an ellipsis or a clause mark stands between two words: a name runs on across none of them
    /// ("Ban Nội chính...) phối hợp" holds no "Chính phủ", however OCR-tolerant the match).
    /// </summary>
    private static bool Breaks(string text, Token before, Token after)
    {
        var between = text.AsSpan(before.End, after.Start - before.End);
        return between.IndexOfAny("()[];:…\n") >= 0 || between.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>
    /// Units whose words appear in order with other text between them, as OCR leaves a table cell
    /// interleaved with its neighbours. Only names of three words or more, with at least three quarters
    /// of their words found (the first among them), so a stray "phòng" never makes a unit.
    /// </summary>
    public List<UnitMention> FindScattered(string text, int maxGap = 6)
    {
        // Unmerged: in a shredded row a stray mark is as likely to glue two cells ("alj-hoa") as to split a word.
        var split = _analyzer.Tokenize(text);
        var tokens = split.Concat(MergeBrokenWords(text, split).Where(t => !split.Contains(t))).OrderBy(t => t.Start).ThenBy(t => t.Length).ToList();
        var mentions = new List<UnitMention>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (mentions.Count > 0 && tokens[k].Start < mentions[^1].End) continue;
            foreach (var (words, canonical) in FormsStartingNear(tokens[k].Term))
            {
                if (words.Length < 3) continue;
                var at = k;
                var matched = 1;
                var end = tokens[k].End;
                var limit = Math.Min(tokens.Count, k + words.Length + maxGap);
                var leading = 1;
                for (var j = 1; j < words.Length; j++)
                {
                    for (var t = at + 1; t < limit; t++)
                    {
                        if (!ScatteredMatch(words[j], tokens[t].Term)) continue;
                        if (leading == j && t - at <= 2) leading++;
                        at = t;
                        matched++;
                        end = tokens[t].End;
                        break;
                    }
                }
                // Three quarters of the name, or its first three words when no other name starts with them
                // ("Phona Van hod - 2.2 …": the cell's second line went elsewhere).
                var identifying = leading >= 3 && _forms.Count(f => f.Canonical != canonical && f.Words.Length >= 3 && f.Words.Take(3).SequenceEqual(words.Take(3))) == 0;
                if (matched < 3 || matched < 0.75 * words.Length && !identifying) continue;
                mentions.Add(new UnitMention(tokens[k].Start, end, canonical, words.Length - matched));
                break;
            }
        }
        return mentions;
    }

    /// <summary>A word of a shredded cell, possibly glued to the noise before it ("}/arlhoa" for "hóa").</summary>
    private static bool ScatteredMatch(string word, string token) =>
        Near(word, token)
        || word.Length >= 3 && token.Length > word.Length + 1 && token.EndsWith(word, StringComparison.Ordinal);

    /// <summary>OCR sometimes breaks a word with a stray mark ("ha,ng" for "hàng"): rejoin words split by one non-space character.</summary>
    private static List<Token> MergeBrokenWords(string text, List<Token> tokens)
    {
        var merged = new List<Token>(tokens.Count);
        foreach (var t in tokens)
        {
            if (merged.Count > 0 && t.Start - merged[^1].End == 1 && !char.IsWhiteSpace(text[t.Start - 1])
                && merged[^1].Term.All(char.IsLetter) && t.Term.All(char.IsLetter) && merged[^1].Length <= 3)
                merged[^1] = new Token(merged[^1].Term + t.Term, merged[^1].Start, t.End - merged[^1].Start);
            else merged.Add(t);
        }
        return merged;
    }

    /// <summary>Only names whose first word is near this token can start here; cached, since first words are few.</summary>
    private (string[] Words, string Canonical)[] FormsStartingNear(string token) =>
        _startingWith.GetOrAdd(token, t =>
        {
            // Whether a name may start here depends on its first word alone, and the ~120 names share ~35 first
            // words: each is measured once (an OCR distance per name was most of a first answer's passage search).
            var near = new HashSet<string>(StringComparer.Ordinal);
            foreach (var first in _firstWords)
                if (Near(first, t, 0.45)) near.Add(first);
            return near.Count == 0 ? [] : _forms.Where(f => near.Contains(f.Words[0])).ToArray();
        });

    /// <summary>Generic collective names ("Các phòng, ban ngành") answer "who" only when nothing specific does.</summary>
    public static bool IsGeneric(string canonical) => canonical.StartsWith("Các ", StringComparison.Ordinal);

    /// <summary>The same word misread, where a digit never stands for a letter in a unit's name.</summary>
    private static bool Near(string expected, string actual, double floor = 0) =>
        expected == actual || !expected.Any(char.IsDigit) && !actual.Any(char.IsDigit) && OcrDistance.SameWord(expected, actual, floor);

    private static double WordDistance(string expected, string actual) =>
        expected == actual ? 0 : expected.Any(char.IsDigit) || actual.Any(char.IsDigit) ? 9 : OcrDistance.Between(expected, actual, 2);

    /// <summary>The text with every unit name replaced by its canonical form.</summary>
    public string Canonicalize(string text)
    {
        var mentions = Find(text);
        if (mentions.Count == 0) return text;
        var sb = new System.Text.StringBuilder();
        var at = 0;
        foreach (var m in mentions)
        {
            // "1552/BTTTT-TTH" is a document number: its letters stay as they are.
            if (m.Start > 0 && text[m.Start - 1] is '/' or '-' || m.End < text.Length && text[m.End] is '/' or '-') continue;
            // "dữ liệu của các ban, sở, ngành": a collective stays as written; its canonical form ("Các sở, ban, ngành")
            // would say words the text does not.
            if (IsGeneric(m.Canonical)) continue;
            sb.Append(text, at, m.Start - at).Append(m.Canonical);
            at = m.End;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }
}
