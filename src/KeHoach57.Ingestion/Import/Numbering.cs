namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Decides whether a heading candidate is the next heading of the document, and what it is numbered.
/// OCR mangles labels ("II1." is III., "2)" is g), "d)" twice is d) then đ), "¢)" is c)); the sequence so far tells
/// which reading is right, and rejects lines that merely start like a heading.
/// </summary>
public sealed class Numbering
{
    /// <summary>Vietnamese list letters: no j, w or z, and "đ" after "d".</summary>
    private const string Letters = "abcdđefghiklmnopqrstuvxy";

    private int roman;
    private int article;
    private readonly int[] numbers = new int[3];
    private int letter = -1;

    /// <summary>The normalised number ("iii", "2.1", "đ", "1") when the candidate continues the sequence, else null.</summary>
    public string? Accept(HeadingCandidate candidate) => candidate.Kind switch
    {
        HeadingKind.DocumentKind or HeadingKind.Appendix => Restart(),
        HeadingKind.Article => AcceptArticle(candidate.Label),
        HeadingKind.Roman => AcceptRoman(candidate.Label),
        HeadingKind.Numbered => AcceptNumbered(candidate.Label),
        HeadingKind.Lettered => AcceptLetter(candidate.Label[0]),
        // A heading by style alone is outside the numbering: always accepted, and the count goes on under it.
        HeadingKind.Styled => "",
        _ => null,
    };

    private string Restart()
    {
        roman = 0;
        article = 0;
        Array.Clear(numbers);
        letter = -1;
        return "";
    }

    private string? AcceptArticle(string label)
    {
        var n = int.Parse(new string(label.Where(char.IsDigit).ToArray()));
        if (n != article + 1) return null;
        article = n;
        return n.ToString();
    }

    private string? AcceptRoman(string label)
    {
        var numeral = label.TrimEnd('.');
        var value = RomanValue(numeral);
        // OCR splits and merges the strokes of I, II, III ("III." read as "II.", "TH.", "I11." as "T111."): a numeral of strokes
        // alone, one stroke off the next one, is the next one.
        if (numeral.All(IsStroke) && Math.Abs(value - (roman + 1)) <= 1) value = roman + 1;
        if (value <= roman || value > roman + 2) return null;
        roman = value;
        Array.Clear(numbers);
        letter = -1;
        return ToRoman(value).ToLowerInvariant();
    }

    private string? AcceptNumbered(string label)
    {
        var parts = label.TrimEnd('.').Split('.').Select(int.Parse).ToArray();
        var depth = parts.Length - 1;
        for (var i = 0; i < depth; i++)
            if (parts[i] != numbers[i]) return null;
        if (parts[depth] <= numbers[depth] || parts[depth] > numbers[depth] + 2) return null;
        numbers[depth] = parts[depth];
        for (var i = depth + 1; i < numbers.Length; i++) numbers[i] = 0;
        letter = -1;
        return string.Join('.', parts);
    }

    private string? AcceptLetter(char label)
    {
        foreach (var candidate in LetterReadings(label))
        {
            var index = Letters.IndexOf(candidate);
            if (index == letter + 1 || (letter >= 0 && index == letter + 2))
            {
                letter = index;
                return candidate.ToString();
            }
        }
        return null;
    }

    private string LetterReadings(char label) => label switch
    {
        '¢' => "c",
        '2' => "g",
        '1' => "li",
        'd' => "dđ",
        // In a list under way, a glyph that is no letter where a letter stands ("€)", "‡)", "$)" for c)) can only be the next letter.
        _ when !char.IsLetterOrDigit(label) => letter >= 0 && letter + 1 < Letters.Length ? Letters[letter + 1].ToString() : "",
        _ => label.ToString(),
    };

    /// <summary>I as OCR reads it: 'I', '1', 'l', 'T'; and 'H', two of them run together.</summary>
    public static bool IsStroke(char c) => c is 'I' or 'i' or '1' or 'l' or 'T' or 'H';

    /// <summary>Value of a Roman numeral, reading OCR's '1', 'l' and 'T' as I and 'H' as II.</summary>
    public static int RomanValue(string numeral)
    {
        var total = 0;
        var digits = numeral.SelectMany(c => char.ToUpperInvariant(c) switch { 'V' => [5], 'X' => [10], 'H' => [1, 1], _ => new[] { 1 } }).ToArray();
        for (var i = 0; i < digits.Length; i++)
            total += i + 1 < digits.Length && digits[i] < digits[i + 1] ? -digits[i] : digits[i];
        return total;
    }

    public static string ToRoman(int value)
    {
        string[] units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        return new string('X', value / 10) + units[value % 10];
    }
}
