using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KeHoach57.Core.Text;

/// <summary>
/// Reads numbers written as words back into digits, so that "hạn nộp báo cáo sáu tháng", "mười lăm phần trăm"
/// and "quý ba" ask what "báo cáo 6 tháng", "15%" and "quý 3" ask. The words and their roles are data
/// (number-words.tsv); this class is the grammar that combines them.
/// </summary>
public static partial class NumberWords
{
    private enum Role { Digit, DigitInSequence, DigitAfterTens, Ten, Tens, Hundred, Thousand, Filler, Half, Percent, Measure, Slot, Year, Phrase }

    private sealed record Entry(string Word, string Folded, string[] FoldedWords, string Value, Role Role)
    {
        /// <summary>Each word's <see cref="VietnameseText.MarkKey"/>, worked out once: a question is matched against every entry at every word.</summary>
        public string[] WordKeys { get; } = Word.Split(' ').Select(VietnameseText.MarkKey).ToArray();
    }

    private static readonly Lazy<List<Entry>> Entries = new(Load);
    private static readonly Lazy<Entry[]> Phrases = new(() => Entries.Value.Where(e => e.Role == Role.Phrase).OrderByDescending(e => e.FoldedWords.Length).ToArray());

    [GeneratedRegex(@"[\p{L}\p{M}]+|\d+(?:[.,]\d+)?|%")]
    private static partial Regex WordPattern();

    /// <param name="Exact">The question is typed with diacritics, so "sau" is "after" and only "sáu" is six.</param>
    /// <param name="Key">The word's <see cref="VietnameseText.MarkKey"/> when <paramref name="Exact"/>, else null.</param>
    private readonly record struct Word(string Text, string Lower, string Folded, int Start, int End, bool Exact, string? Key);

    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var matches = WordPattern().Matches(text);
        var exact = VietnameseText.TypedWithMarks(matches.Select(m => m.Value).ToList());
        var words = matches.Select(m =>
        {
            var lower = m.Value.ToLowerInvariant();
            return new Word(m.Value, lower, VietnameseText.Fold(lower), m.Index, m.Index + m.Length, exact, exact ? VietnameseText.MarkKey(lower) : null);
        }).ToList();
        var sb = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < words.Count;)
        {
            var (replacement, consumed) = Phrase(words, i) ?? Year(words, i) ?? Number(words, i) ?? (null, 0);
            if (replacement is null) { i++; continue; }
            sb.Append(text, at, words[i].Start - at).Append(replacement);
            at = words[i + consumed - 1].End;
            i += consumed;
        }
        return sb.Append(text, at, text.Length - at).ToString();
    }

    private static (string?, int)? Phrase(List<Word> words, int i)
    {
        foreach (var e in Phrases.Value)
            if (Matches(words, i, e)) return (e.Value, e.FoldedWords.Length);
        return null;
    }

    /// <summary>
    /// A year said in words: "hai không ba mươi" (2030), "hai không hai năm" (2025, digit by digit), or a two-digit
    /// number after the year word ("năm ba mươi", "năm bốn lăm": 2030, 2045).
    /// </summary>
    private static (string?, int)? Year(List<Word> words, int i)
    {
        bool Is(int k, string digit) => k < words.Count && Entries.Value.Any(e => e.Role is Role.Digit or Role.DigitInSequence && e.Value == digit && Matches(words, k, e));
        if (Is(i, "2") && Is(i + 1, "0"))
        {
            var (run, length) = Run(words, i + 2);
            if (length >= 2 && Value(run) is { } v && v < 100) return ((2000 + v).ToString(CultureInfo.InvariantCulture), 2 + length);
            // Digit by digit: "hai không hai năm".
            var d1 = Digit(words, i + 2);
            var d2 = Digit(words, i + 3);
            if (d1 is not null && d2 is not null) return ($"20{d1}{d2}", 4);
            return null;
        }
        if (i > 0 && IsRole(words, i - 1, Role.Year, out _))
        {
            var (run, length) = Run(words, i);
            if (length >= 2 && Value(run) is { } v && v is >= 20 and < 100) return ((2000 + v).ToString(CultureInfo.InvariantCulture), length);
        }
        return null;
    }

    private static (List<Entry>, int) Run(List<Word> words, int i)
    {
        var run = new List<Entry>();
        var j = i;
        while (j < words.Count && NumberEntry(words, j, run.Count > 0 ? run[^1].Role : null) is { } e)
        {
            run.Add(e);
            j++;
        }
        return (run, j - i);
    }

    private static string? Digit(List<Word> words, int k) =>
        k < words.Count ? Entries.Value.FirstOrDefault(e => e.Role is Role.Digit or Role.DigitInSequence && Matches(words, k, e))?.Value : null;

    /// <summary>A run of number words (or digits followed by "phần trăm"), with the measure words that make a lone one a number.</summary>
    private static (string?, int)? Number(List<Word> words, int i)
    {
        var j = i;
        var parts = new List<(Entry Entry, int Index)>();
        decimal? digits = decimal.TryParse(words[i].Text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        if (digits is not null) j++;
        else
        {
            while (j < words.Count && NumberEntry(words, j, parts.Count > 0 ? parts[^1].Entry.Role : null) is { } e)
            {
                parts.Add((e, j));
                j++;
            }
            if (parts.Count == 0) return null;
        }

        var percent = j < words.Count ? PercentAt(words, j) : 0;
        var value = digits ?? Value(parts.Select(p => p.Entry).ToList());
        if (value is null) return null;
        if (digits is not null)
            return percent > 0 ? (Format(value.Value) + "%", 1 + percent) : null;

        var lone = parts.Count == 1;
        if (percent > 0) return (Format(value.Value) + "%", parts.Count + percent);
        var measure = j < words.Count ? MeasureAt(words, j) : 0;
        var slot = i > 0 && IsRole(words, i - 1, Role.Slot, out _);
        if (lone)
        {
            var role = parts[0].Entry.Role;
            if (role is Role.DigitAfterTens or Role.Filler or Role.Hundred or Role.Thousand or Role.Tens) return null;
            // "năm" alone is the year, not five, unless a percentage follows (handled above).
            if (role == Role.DigitInSequence) return null;
            // "sau tháng 9" is "after September": a measure word followed by a number is a slot, not a count.
            var countable = measure > 0 && !(j + measure < words.Count && char.IsDigit(words[j + measure].Text[0]));
            if (!countable && !slot) return null;
        }
        var number = Format(value.Value);
        // "hai năm rưỡi": the half comes after the measure word.
        if (measure > 0 && j + measure < words.Count && IsRole(words, j + measure, Role.Half, out _))
        {
            var measured = string.Join(' ', words.Skip(j).Take(measure).Select(w => w.Text));
            return ($"{Format(value.Value + 0.5m)} {measured}", parts.Count + measure + 1);
        }
        return (number, parts.Count);
    }

    private static Entry? NumberEntry(List<Word> words, int j, Role? previous)
    {
        foreach (var e in Entries.Value)
        {
            if (e.Role is Role.Measure or Role.Slot or Role.Year or Role.Phrase or Role.Percent or Role.Half || e.FoldedWords.Length != 1) continue;
            if (!Matches(words, j, e)) continue;
            // "lăm", "mốt", "tư" follow tens ("hai mươi lăm"), or a digit said for its tens ("ba lăm" is 35).
            if (e.Role == Role.DigitAfterTens && previous is not (Role.Ten or Role.Tens or Role.Digit)) continue;
            if (e.Role == Role.Filler && previous is not Role.Hundred) continue;
            // Typed without diacritics "muoi" is both "mười" (ten) and "mươi" (tens): after a digit it is tens ("ba muoi" 30).
            if (e.Role == Role.Ten && previous is Role.Digit or Role.DigitInSequence) continue;
            if (e.Role == Role.Tens && previous is not (Role.Digit or Role.DigitInSequence)) continue;
            if (e.Role is Role.Hundred or Role.Thousand && previous is null) continue;
            // A digit word right after another digit word starts a new number ("hai ba" is no number).
            if (e.Role is Role.Digit or Role.DigitInSequence && previous is Role.Digit or Role.DigitInSequence or Role.DigitAfterTens) continue;
            // "năm" is five only before a multiplier ("năm mươi", "năm trăm") or after "linh"; after "mười" it is
            // the year ("mười năm"), since fifteen is "mười lăm".
            if (e.Role == Role.DigitInSequence && !(previous is Role.Filler || previous is null && j + 1 < words.Count && NextIsMultiplier(words, j + 1))) continue;
            return e;
        }
        return null;
    }

    private static bool NextIsMultiplier(List<Word> words, int j) =>
        Entries.Value.Any(e => e.Role is Role.Tens or Role.Hundred or Role.Thousand && Matches(words, j, e));

    /// <summary>Combines a run: "hai mươi lăm" 25, "một trăm linh năm" 105, "mười lăm" 15, "ba nghìn" 3000.</summary>
    private static decimal? Value(List<Entry> run)
    {
        decimal thousands = 0, hundreds = 0, tens = 0, units = 0;
        foreach (var e in run)
        {
            var v = decimal.Parse(e.Value, CultureInfo.InvariantCulture);
            switch (e.Role)
            {
                case Role.DigitAfterTens when tens == 0: tens = units * 10; units = v; break;
                case Role.Digit or Role.DigitInSequence or Role.DigitAfterTens: units = v; break;
                case Role.Ten: tens = 10; break;
                case Role.Tens: tens = units * 10; units = 0; break;
                case Role.Hundred: hundreds = units * 100; units = 0; break;
                case Role.Thousand: thousands = (hundreds + tens + units) * 1000; hundreds = tens = units = 0; break;
            }
        }
        return thousands + hundreds + tens + units;
    }

    private static int PercentAt(List<Word> words, int j)
    {
        if (words[j].Text == "%") return 1;
        var e = Entries.Value.FirstOrDefault(e => e.Role == Role.Percent && Matches(words, j, e));
        return e?.FoldedWords.Length ?? 0;
    }

    private static int MeasureAt(List<Word> words, int j) =>
        Entries.Value.Where(e => e.Role == Role.Measure && Matches(words, j, e)).Select(e => e.FoldedWords.Length).DefaultIfEmpty(0).Max();

    private static bool IsRole(List<Word> words, int j, Role role, out Entry? entry)
    {
        entry = Entries.Value.FirstOrDefault(e => e.Role == role && Matches(words, j, e));
        return entry is not null;
    }

    /// <summary>In a question typed with diacritics a word must be the entry's own; typed without, any word folding to it will do.</summary>
    private static bool Matches(List<Word> words, int j, Entry e)
    {
        var keys = e.WordKeys;
        if (j + keys.Length > words.Count) return false;
        for (var k = 0; k < keys.Length; k++)
        {
            var w = words[j + k];
            if (w.Exact ? w.Key != keys[k] : w.Folded != e.FoldedWords[k]) return false;
        }
        return true;
    }

    private static string Format(decimal value) =>
        value == decimal.Truncate(value) ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));

    private static List<Entry> Load()
    {
        var entries = new List<Entry>();
        var text = DataLines.ReadEmbedded(typeof(NumberWords).Assembly, "KeHoach57.Core.Text.number-words.tsv");
        foreach (var line in DataLines.Read(text))
        {
            var word = line.Field(0).ToLowerInvariant();
            var role = line.Field(2).Replace("-", "") switch
            {
                var r when Enum.TryParse<Role>(r, ignoreCase: true, out var parsed) => parsed,
                var r => throw new InvalidDataException($"number-words.tsv:{line.Number}: unknown role \"{line.Field(2)}\""),
            };
            if (word.Length == 0) throw new InvalidDataException($"number-words.tsv:{line.Number}: empty word");
            var folded = VietnameseText.Fold(word);
            entries.Add(new Entry(word, folded, folded.Split(' '), line.Field(1), role));
        }
        return entries;
    }
}
