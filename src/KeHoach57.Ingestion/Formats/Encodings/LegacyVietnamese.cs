using System.Globalization;
using System.Reflection;
using System.Text;
using KeHoach57.Core.Text;

namespace KeHoach57.Ingestion.Formats.Encodings;

/// <summary>
/// The font encodings Vietnamese offices used before Unicode: TCVN3 (ABC, .VnTime fonts) and VNI
/// (VNI-Times). Their text reaches us as bytes in a .txt, or as Latin-1 letters in a .docx or a PDF
/// whose font did the mapping ("KÕ ho¹ch", "Keá hoaïch"). Tables are data (tcvn3.tsv, vni.tsv, from
/// the published code charts); which encoding a text is in is decided by which reading gives the most
/// Vietnamese syllables.
/// </summary>
public static class LegacyVietnamese
{
    public const string Tcvn3 = "TCVN3";
    public const string Vni = "VNI";

    /// <summary>A converted reading must beat the text as it is by this share of syllables.</summary>
    private const double Margin = 0.1;

    private static readonly Lazy<Dictionary<char, char>> Tcvn3Table = new(LoadTcvn3);
    private static readonly Lazy<(Dictionary<char, string> Marks, Dictionary<char, char> Letters)> VniTable = new(LoadVni);

    /// <summary>The text converted from TCVN3 or VNI when that reads as Vietnamese and the text as it is does not.</summary>
    /// <returns>The text to use and the encoding it was converted from (null when left as it is).</returns>
    public static (string Text, string? Encoding) Repair(string text)
    {
        if (!text.Any(c => c is >= '\u00A1' and <= '\u00FF')) return (text, null);
        var asIs = VietnameseSyllables.Share(text) ?? 0;
        var best = (Text: text, Encoding: (string?)null, Share: asIs);
        foreach (var (name, decoded) in new[] { (Tcvn3, FromTcvn3(text)), (Vni, FromVni(text)) })
        {
            var share = VietnameseSyllables.Share(decoded) ?? 0;
            if (share >= best.Share + (best.Encoding is null ? Margin : 0)) best = (decoded, name, share);
        }
        return (best.Text, best.Encoding);
    }

    /// <summary>TCVN3 text whose bytes were read as Latin-1 characters, in Unicode (NFC).</summary>
    public static string FromTcvn3(string latin1)
    {
        var table = Tcvn3Table.Value;
        var lines = latin1.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var sb = new StringBuilder(lines[i].Length);
            foreach (var ch in lines[i]) sb.Append(table.TryGetValue(ch, out var letter) ? letter : ch);
            // A line set in a capitals font (.VnTimeH) uses the lower-case codes for its capitals.
            lines[i] = IsCapitalsLine(lines[i]) ? sb.ToString().ToUpperInvariant() : sb.ToString();
        }
        return string.Join('\n', lines).Normalize(NormalizationForm.FormC);
    }

    /// <summary>VNI text whose bytes were read as Latin-1 characters, in Unicode (NFC).</summary>
    public static string FromVni(string latin1)
    {
        var (marks, letters) = VniTable.Value;
        var sb = new StringBuilder(latin1.Length);
        foreach (var ch in latin1)
        {
            if (letters.TryGetValue(ch, out var letter)) sb.Append(letter);
            else if (marks.TryGetValue(ch, out var combining) && sb.Length > 0 && TakesMarks(sb[^1])) sb.Append(combining);
            else sb.Append(ch);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Unicode text as TCVN3 bytes, the way a .VnTime document stores it (capitals with a tone in the capitals font's codes).</summary>
    public static byte[] ToTcvn3(string text)
    {
        var reverse = Tcvn3Table.Value.ToDictionary(p => p.Value, p => p.Key);
        var bytes = new List<byte>(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (reverse.TryGetValue(ch, out var code)) bytes.Add((byte)code);
            else if (reverse.TryGetValue(char.ToLowerInvariant(ch), out var lower)) bytes.Add((byte)lower);
            else bytes.Add(Windows1252(ch));
        }
        return [.. bytes];
    }

    /// <summary>Unicode text as VNI bytes: each letter as its base letter (or ơ, ư, đ…) and a mark code.</summary>
    public static byte[] ToVni(string text)
    {
        var (marks, letters) = VniTable.Value;
        var letterCodes = letters.ToDictionary(p => p.Value, p => p.Key);
        // Keyed by the marks in canonical order, as a decomposed letter carries them ("ậ" is a + dot below + circumflex).
        var markCodes = marks.Where(p => p.Key >= '\u00E0').ToDictionary(p => ("a" + p.Value).Normalize(NormalizationForm.FormD)[1..], p => p.Key);
        var bytes = new List<byte>(text.Length * 2);
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            if (ch < 0x80 || !char.IsLetter(ch)) { bytes.Add(Windows1252(ch)); continue; }
            if (letterCodes.TryGetValue(ch, out var own)) { bytes.Add((byte)own); continue; }
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var letter = decomposed[0];
            var rest = decomposed[1..];
            if (rest.StartsWith('\u031B') && letterCodes.TryGetValue((letter + "\u031B").Normalize(NormalizationForm.FormC)[0], out var horned))
            {
                bytes.Add((byte)horned);
                rest = rest[1..];
            }
            else if (letter < 0x80) bytes.Add((byte)letter);
            else { bytes.Add((byte)'?'); continue; }
            if (rest.Length == 0) continue;
            if (markCodes.TryGetValue(rest, out var mark)) bytes.Add((byte)(char.IsUpper(letter) ? mark - 0x20 : mark));
            else bytes.Add((byte)'?');
        }
        return [.. bytes];
    }

    /// <summary>Punctuation outside the font's letters (–, “, …) as the Windows code page stores it; '?' where it has none.</summary>
    private static byte Windows1252(char ch)
    {
        var bytes = Cp1252.GetBytes([ch]);
        return bytes.Length == 1 ? bytes[0] : (byte)'?';
    }

    /// <summary>Single-byte files are Windows files: bytes 0x80–0x9F are its punctuation, 0xA0–0xFF the font's codes.</summary>
    public static Encoding Cp1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        }
    }

    private static bool IsCapitalsLine(string line)
    {
        int upper = 0, lower = 0;
        foreach (var ch in line)
        {
            if (ch is >= 'A' and <= 'Z') upper++;
            else if (ch is >= 'a' and <= 'z') lower++;
        }
        return upper >= 4 && upper >= 4 * lower;
    }

    private static bool TakesMarks(char previous) =>
        VietnameseText.IsVowel(char.ToLowerInvariant(previous.ToString().Normalize(NormalizationForm.FormD)[0])) || previous is 'ơ' or 'Ơ' or 'ư' or 'Ư';

    private static Dictionary<char, char> LoadTcvn3() =>
        Rows("tcvn3.tsv").ToDictionary(r => Code(r[0]), r => r[1][0]);

    private static (Dictionary<char, string>, Dictionary<char, char>) LoadVni()
    {
        var marks = new Dictionary<char, string>();
        var letters = new Dictionary<char, char>();
        foreach (var row in Rows("vni.tsv"))
        {
            var code = Code(row[0]);
            if (row[1] == "letter")
            {
                letters[code] = row[2][0];
                letters[(char)(code - 0x20)] = char.ToUpperInvariant(row[2][0]);
            }
            else
            {
                var combining = string.Concat(row[2].Split(' ').Select(h => (char)int.Parse(h, NumberStyles.HexNumber)));
                marks[code] = combining;
                marks[(char)(code - 0x20)] = combining;
            }
        }
        return (marks, letters);
    }

    private static char Code(string hex) => (char)int.Parse(hex, NumberStyles.HexNumber);

    /// <summary>The data rows of an embedded table: comments and the header line skipped, cells split at tabs.</summary>
    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("KeHoach57.Ingestion.Formats.Encodings." + name)
            ?? throw new InvalidOperationException($"embedded table {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            if (header) { header = false; continue; }
            yield return line.Split('\t');
        }
    }
}
