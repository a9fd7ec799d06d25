using System.Text;
using System.Text.RegularExpressions;

namespace KeHoach57.Core.Text;

/// <summary>
/// Turns text into index terms. The same instance analyzes passages at indexing and questions at query
/// time, so every normalization applies to both sides alike.
/// Terms: folded syllables, syllable bigrams ("bao_cao"), date terms ("@10/6", "@m9/2025") and
/// glossary keys ("#khcn").
/// </summary>
public sealed partial class VietnameseAnalyzer
{
    private readonly Glossary _glossary;
    private readonly Dictionary<string, List<(string[] Seq, GlossaryEntry Entry, bool IsAbbreviation, bool CaseSensitive)>> _glossaryByFirst = new();
    private readonly Dictionary<string, List<(string[] Seq, GlossaryEntry Entry, bool IsAbbreviation, bool CaseSensitive)>> _abbreviationsByFirst = new();
    private readonly HashSet<string> _gluedToNumber = [];

    /// <summary>Bump when tokenization changes, so indexes built by the old analyzer are rebuilt.</summary>
    private const int Version = 7;

    public AnalyzerOptions Options { get; }

    /// <summary>Identifies what this analyzer emits (version, switches, glossary), for index freshness.</summary>
    public string Signature
    {
        get
        {
            var glossary = string.Join('|', _glossary.Entries.Select(e => e.Key + "=" + string.Join(',', e.Expansions)));
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(glossary)))[..12];
            return $"v{Version}:{Options.Folding}{Options.Bigrams}{Options.Glossary}{Options.OcrRepair}{Options.Dates}:{hash}";
        }
    }
    public Glossary Glossary => _glossary;

    public VietnameseAnalyzer(Glossary? glossary = null, AnalyzerOptions? options = null)
    {
        _glossary = glossary ?? Glossary.Default;
        Options = options ?? AnalyzerOptions.Default;
        foreach (var entry in _glossary.Entries)
        {
            foreach (var abbreviation in entry.Abbreviations)
                AddSequence(abbreviation, entry, isAbbreviation: true,
                    // "AI" could be "ai" (who): a short abbreviation that is also a syllable counts only in capitals. One
                    // that no syllable spells ("bc", "kq", "đv") is what chat types in lower case.
                    caseSensitive: abbreviation.Count(char.IsLetter) <= 2 && VietnameseText.Fold(abbreviation).Any(VietnameseText.IsVowel));
            foreach (var expansion in entry.Expansions)
                AddSequence(expansion, entry, isAbbreviation: false, caseSensitive: false);
        }
        // Only abbreviations that match in lower case: "nq57" is "NQ 57" however it is typed, while a form that is
        // also a syllable needs its capitals, which a folded word no longer shows.
        foreach (var (first, list) in _abbreviationsByFirst)
            if (list.Any(x => x.Seq.Length == 1 && !x.CaseSensitive) && first.All(c => c is >= 'a' and <= 'z'))
                _gluedToNumber.Add(first);
    }

    /// <remarks>
    /// An abbreviation is matched as written (folded, not OCR-repaired): the repair that reads "dbi" as "đổi" would
    /// read "CB" as "co" and "HD" as "ho", and every "có" and "họ" would then be an abbreviation. Expansions are
    /// matched as index terms, repaired like the text they meet.
    /// </remarks>
    private void AddSequence(string phrase, GlossaryEntry entry, bool isAbbreviation, bool caseSensitive)
    {
        var seq = Tokenize(phrase, repair: !isAbbreviation).Select(t => t.Term).ToArray();
        if (seq.Length == 0) return;
        var index = isAbbreviation ? _abbreviationsByFirst : _glossaryByFirst;
        if (!index.TryGetValue(seq[0], out var list)) index[seq[0]] = list = [];
        list.Add((seq, entry, isAbbreviation, caseSensitive));
    }

    /// <summary>A word of <paramref name="text"/> as written: folded and lower-cased, not repaired.</summary>
    private static string Written(string text, Token token) => FoldAligned(text.Substring(token.Start, token.Length)).ToLowerInvariant();

    /// <summary>The words of <paramref name="text"/>: folded (unless folding is off), OCR-repaired, numbers without leading zeros.</summary>
    public List<Token> Tokenize(string text) => Tokenize(text, repair: true);

    /// <param name="repair">False for text people typed (a question): folded words as typed, so "sđt" stays "sdt"
    /// instead of being read as OCR damage, and "%" is a word. Index terms always come from the repaired form.</param>
    public List<Token> Tokenize(string text, bool repair) =>
        string.IsNullOrEmpty(text) ? [] : Tokenize(text, repair, Options.Folding ? FoldAligned(text) : text.ToLowerInvariant());

    /// <param name="folded">The text folded as <see cref="Tokenize(string, bool)"/> folds it (same length, same offsets).</param>
    private List<Token> Tokenize(string text, bool repair, string folded)
    {
        if (string.IsNullOrEmpty(text)) return [];
        // Sized for words of about five characters with their spaces: growing the list cost more than the tokenizing.
        var tokens = new List<Token>(text.Length / 5 + 4);
        var i = 0;
        while (i < folded.Length)
        {
            if (!IsWordChar(folded[i]))
            {
                // Typed text keeps "%" as a word: "bao nhiêu %" asks what "bao nhiêu phần trăm" asks.
                if (!repair && folded[i] == '%') tokens.Add(new Token("%", i, 1));
                i++;
                continue;
            }
            var start = i;
            while (i < folded.Length && IsWordChar(folded[i])) i++;
            var word = folded[start..i];
            // "NQ57", "KH44": an abbreviation glued to its number is the two words "NQ 57" is. Read as one, it was
            // an identifier no plan writes (plans write "57-NQ/TW"), and the repair read its digits as vowels.
            if (GluedNumberAt(word) is > 0 and var cut)
            {
                var letters = word[..cut];
                tokens.Add(new Token(repair ? NormalizeWord(letters) : letters, start, cut));
                tokens.Add(new Token(repair ? NormalizeWord(word[cut..]) : word[cut..], start + cut, word.Length - cut));
                continue;
            }
            tokens.Add(new Token(repair ? NormalizeWord(word) : word, start, i - start));
        }
        return tokens;
    }

    /// <summary>Where the digits start in a word that is a known abbreviation followed by a number; 0 otherwise.</summary>
    private int GluedNumberAt(string word)
    {
        var cut = 0;
        while (cut < word.Length && word[cut] is >= 'a' and <= 'z') cut++;
        if (cut < 2 || cut == word.Length) return 0;
        for (var k = cut; k < word.Length; k++) if (word[k] is < '0' or > '9') return 0;
        return _gluedToNumber.Contains(word[..cut]) ? cut : 0;
    }

    /// <summary>Index terms of a passage or question, with repeats (term frequency matters to BM25).</summary>
    public List<string> Terms(string text)
    {
        // One fold for the words and for the abbreviations as written, when the words are folded at all.
        var folded = string.IsNullOrEmpty(text) ? "" : FoldAligned(text);
        var tokens = Options.Folding ? Tokenize(text, repair: true, folded) : Tokenize(text);
        var terms = new List<string>(tokens.Count * 2 + 4);
        foreach (var t in tokens) terms.Add(t.Term);
        if (Options.Bigrams)
            for (var k = 0; k + 1 < tokens.Count; k++)
                if (Adjacent(text, tokens[k], tokens[k + 1]))
                    terms.Add(Bigram(tokens[k].Term, tokens[k + 1].Term));
        if (Options.Dates) terms.AddRange(DateTerms(text));
        if (Options.Glossary) terms.AddRange(GlossaryTerms(text, tokens, folded));
        return terms;
    }

    public static string Bigram(string a, string b) => a + "_" + b;

    /// <summary>Whether <paramref name="bigrams"/> holds <see cref="Bigram"/>(a, b), without building that string
    /// (for loops over every word pair of a text). The set must use the default string comparer.</summary>
    public static bool HasBigram(HashSet<string> bigrams, string a, string b)
    {
        if (bigrams.Count == 0) return false;
        var length = a.Length + 1 + b.Length;
        Span<char> pair = length <= 256 ? stackalloc char[length] : new char[length];
        a.CopyTo(pair);
        pair[a.Length] = '_';
        b.CopyTo(pair[(a.Length + 1)..]);
        return bigrams.GetAlternateLookup<ReadOnlySpan<char>>().Contains(pair);
    }

    /// <summary>Bigrams do not span sentence or clause punctuation.</summary>
    public static bool Adjacent(string text, Token a, Token b)
    {
        for (var p = a.End; p < b.Start; p++)
            if (text[p] is '.' or ';' or ':' or '|' or '\n' or '(' or ')' or '?' or '!') return false;
        return true;
    }

    /// <summary>Glossary keys for abbreviations and expansions found in the text; an abbreviation also brings its expansion's words.</summary>
    public List<string> GlossaryTerms(string text, IReadOnlyList<Token> tokens) =>
        GlossaryTerms(text, tokens, tokens.Count == 0 ? "" : FoldAligned(text));

    /// <param name="written">Every word as written: <see cref="FoldAligned"/> of the whole text, read in place (the fold is
    /// char by char, so a token's offsets hold in it). This runs for every chunk of an index build, and a folded string
    /// per token was most of it. The fold is already lower case, char for char (a test holds it to that).</param>
    private List<string> GlossaryTerms(string text, IReadOnlyList<Token> tokens, string written)
    {
        var found = new List<string>();
        var byFirstWritten = _abbreviationsByFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (_glossaryByFirst.TryGetValue(tokens[k].Term, out var expansions))
                foreach (var (seq, entry, _, _) in expansions)
                    if (Matches(seq, j => tokens[k + j].Term, tokens.Count - k)) found.Add(entry.Key);
            if (byFirstWritten.TryGetValue(written.AsSpan(tokens[k].Start, tokens[k].Length), out var abbreviations))
                foreach (var (seq, entry, _, caseSensitive) in abbreviations)
                {
                    if (!WrittenMatches(seq, written, tokens, k)) continue;
                    if (caseSensitive && !IsUpperInSource(text, tokens[k], tokens[k + seq.Length - 1])) continue;
                    found.Add(entry.Key);
                    foreach (var t in Tokenize(entry.Canonical)) found.Add(t.Term);
                }
        }
        return found;
    }

    /// <summary><see cref="Matches"/> over the words as written, read from the text folded whole.</summary>
    private static bool WrittenMatches(string[] seq, string written, IReadOnlyList<Token> tokens, int k)
    {
        if (seq.Length > tokens.Count - k) return false;
        for (var j = 0; j < seq.Length; j++)
            if (!written.AsSpan(tokens[k + j].Start, tokens[k + j].Length).SequenceEqual(seq[j])) return false;
        return true;
    }

    private static bool Matches(string[] seq, Func<int, string> word, int available)
    {
        if (seq.Length > available) return false;
        for (var j = 0; j < seq.Length; j++) if (word(j) != seq[j]) return false;
        return true;
    }

    /// <summary>
    /// The abbreviation written from token <paramref name="k"/> of <paramref name="text"/>, in one word or several
    /// ("KH&CN", "KH,CN", "KH và CN"), the longest form that matches, and how many tokens it spans. A question's
    /// "KH,CN" is "khoa học, công nghệ", not "kế hoạch" followed by "CN".
    /// </summary>
    public (GlossaryEntry Entry, int Length)? AbbreviationSpanAt(string text, IReadOnlyList<Token> tokens, int k)
    {
        if (!_abbreviationsByFirst.TryGetValue(Written(text, tokens[k]), out var forms)) return null;
        (GlossaryEntry Entry, int Length)? best = null;
        foreach (var (seq, entry, _, caseSensitive) in forms)
        {
            if (best is { } found && found.Length >= seq.Length) continue;
            if (!Matches(seq, j => Written(text, tokens[k + j]), tokens.Count - k)) continue;
            if (caseSensitive && !IsUpperInSource(text, tokens[k], tokens[k + seq.Length - 1])) continue;
            best = (entry, seq.Length);
        }
        return best;
    }

    /// <summary>The one-word abbreviation written at token <paramref name="k"/> of <paramref name="text"/>, if any.</summary>
    public GlossaryEntry? AbbreviationAt(string text, IReadOnlyList<Token> tokens, int k) =>
        _abbreviationsByFirst.TryGetValue(Written(text, tokens[k]), out var c)
            ? c.FirstOrDefault(x => x.Seq.Length == 1 && (!x.CaseSensitive || IsUpperInSource(text, tokens[k], tokens[k]))).Entry
            : null;

    private static bool IsUpperInSource(string text, Token first, Token last)
    {
        var letters = 0;
        for (var p = first.Start; p < last.End; p++)
        {
            var c = text[p];
            if (!char.IsLetter(c)) continue;
            letters++;
            // "Ai" opening a sentence is the question word; only "AI" written in capitals is the abbreviation.
            if (char.IsLower(c)) return false;
        }
        return letters > 0;
    }

    /// <summary>"10/6", "10/06", "ngày 10 tháng 6" → "@10/6"; "tháng 9/2025", "9/2025", "tháng 02 năm 2025" → "@m9/2025".</summary>
    public IEnumerable<string> DateTerms(string text)
    {
        var folded = VietnameseText.Fold(text);
        foreach (Match m in DayMonthRegex().Matches(folded))
        {
            if (TryDate(m.Groups["d"].Value, m.Groups["m"].Value, out var d, out var mo))
            {
                yield return $"@{d}/{mo}";
                if (m.Groups["y"].Success) yield return $"@m{mo}/{m.Groups["y"].Value}";
            }
        }
        foreach (Match m in MonthYearRegex().Matches(folded))
            if (int.TryParse(m.Groups["m"].Value, out var mo) && mo is >= 1 and <= 12)
                yield return $"@m{mo}/{m.Groups["y"].Value}";
    }

    private static bool TryDate(string ds, string ms, out int d, out int m)
    {
        m = 0;
        return int.TryParse(ds, out d) && int.TryParse(ms, out m) && d is >= 1 and <= 31 && m is >= 1 and <= 12;
    }

    [GeneratedRegex(@"(?<![\d/])(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})(?:\s*/\s*(?<y>(?:19|20)\d\d))?(?![\d])|ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})(?:\s+n\S{1,2}m\s+(?<y>(?:19|20)\d\d))?")]
    private static partial Regex DayMonthRegex();

    [GeneratedRegex(@"(?<![\d/])(?<m>\d{1,2})\s*/\s*(?<y>(?:19|20)\d\d)(?!\d)|thang\s+(?<m>\d{1,2})\s+n\S{1,2}m\s+(?<y>(?:19|20)\d\d)")]
    private static partial Regex MonthYearRegex();

    private static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c > 127 && char.IsLetter(c));

    /// <summary>
    /// Repairs this OCR's systematic in-word confusions: digits read for vowels (d6i→doi, x3→xa, h9c→hoc,
    /// 1ap→lap), "j" for "ị" (Nghj→nghi), "P" for "Đ" at a syllable's start (Pay→day), a b or d inside a
    /// syllable for "ổ"/"ố" (dbi→doi, sd→so), and leading zeros.
    /// Pure numbers and unit-like tokens (5g, 4g) are left alone.
    /// </summary>
    public string NormalizeWord(string word)
    {
        var allDigits = true;
        foreach (var c in word) if (c is < '0' or > '9') { allDigits = false; break; }
        if (allDigits)
        {
            var trimmed = word.TrimStart('0');
            return trimmed.Length == 0 ? "0" : trimmed;
        }
        if (!Options.OcrRepair) return word;
        if (word.Length == 2 && char.IsDigit(word[0]) && word[1] == 'g') return word; // 4g, 5g, 6g
        var letters = 0;
        foreach (var c in word) if (c is >= 'a' and <= 'z') letters++;
        if (letters == 0) return word;
        // One character out for each in, so the repair is written in place of a copy; most words come out unchanged
        // and are then returned as they came, without a new string (this runs for every word tokenized).
        Span<char> chars = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            // Judge neighbours after repair, so "d61" reads d-o-1 and its 1 follows a vowel.
            var prevLetter = i > 0 && char.IsLetter(chars[i - 1]);
            var nextLetter = i + 1 < word.Length && char.IsLetter(word[i + 1]);
            if (char.IsDigit(c) && (prevLetter || nextLetter))
            {
                c = c switch
                {
                    '6' or '0' or '9' => 'o',
                    '3' or '4' => 'a',
                    '1' => prevLetter && VietnameseText.IsVowel(chars[i - 1]) ? 'i' : 'l',
                    _ => c,
                };
            }
            else if (c == 'j') c = 'i';
            else if (c == 'p' && i == 0 && (i + 1 >= word.Length || word[i + 1] != 'h') && nextLetter && VietnameseText.IsVowel(word[i + 1]))
                c = 'd';
            chars[i] = c;
        }
        // Vietnamese syllables start with b or d but never carry them inside: after another letter they are
        // this OCR's reading of "ổ"/"ố" (dbi → đổi, bd → bổ), and so is a d in a word with no vowel (sd → số).
        var hasVowel = false;
        for (var i = 0; i < chars.Length; i++) hasVowel |= VietnameseText.IsVowel(chars[i]);
        // Only right after a one-letter onset: "UBND", "HĐND" are acronyms, not damaged syllables.
        if (chars.Length >= 2 && char.IsLetter(chars[0]) && !VietnameseText.IsVowel(chars[0])
            && (chars[1] == 'b' && chars.Length <= 4 || chars[1] == 'd' && !hasVowel && chars.Length <= 3))
            chars[1] = 'o';
        // Vietnamese spelling has no "ir": it is this OCR's reading of "ư" (chirc → chức, tir → từ, vira → vừa).
        var repaired = (chars.SequenceEqual(word) ? word : new string(chars)).Replace("ir", "u");
        return repaired == "qp" ? "qd" : repaired; // "QĐ" read as "QP"
    }

    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x2000];
        for (var c = 0; c < table.Length; c++)
        {
            var s = VietnameseText.Fold(((char)c).ToString());
            table[c] = s.Length == 1 ? s[0] : (s.Length == 0 ? ' ' : s[0]);
        }
        return table;
    }

    /// <summary>Folds char by char so offsets into the result are offsets into the source.</summary>
    public static string FoldAligned(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            chars[i] = c < FoldTable.Length ? FoldTable[c] : FoldSlow(c);
        }
        return new string(chars);
    }

    // What FoldSlow made of each character past the table, filled as met ('\0': not yet): quotes, dashes and bullets
    // (U+201C, U+2013, U+2022 …) are common in the plans, and folding one anew is a string and a normalization.
    private static readonly char[] SlowFolds = new char[0x10000 - 0x2000];

    private static char FoldSlow(char c)
    {
        var known = SlowFolds[c - 0x2000];
        if (known != '\0') return known;
        // Half of a surrogate pair (an emoji) is no letter, and alone it is not a string Normalize accepts.
        char folded;
        if (char.IsSurrogate(c)) folded = ' ';
        else
        {
            var s = VietnameseText.Fold(c.ToString());
            folded = s.Length == 1 ? s[0] : ' ';
        }
        // A char is written whole: a thread that reads it early folds the character again, to the same result.
        if (folded != '\0') SlowFolds[c - 0x2000] = folded;
        return folded;
    }
}
