using System.Globalization;
using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// The cell of a target table's row for the asked year: the row's run of values lines up, from the right, with
/// the years of the header ("2025 2030 2035 2040 2045"). Without a year asked, the first column. The OCR misreads
/// "≥" as "=" or as a "2" glued to the value ("225" for "≥25" in a row of percentages, which never exceed 100) or
/// standing before it ("2 60"); a run is read so that it has as many cells as the header has years.
/// </summary>
public static partial class TableColumn
{
    [GeneratedRegex(@"\b(20[2-5]\d)\b")]
    private static partial Regex Year();

    // A run of cells: values (with a comparison sign) or dashes, separated by spaces or column bars only.
    [GeneratedRegex(@"(?:(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|(?<![\w])-(?![\w]))(?:[\s|]+(?:(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|(?<![\w])-(?![\w])))+")]
    private static partial Regex Run();

    [GeneratedRegex(@"(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|-")]
    private static partial Regex Cell();

    public static Candidate? Read(Clause clause, QuestionFacts question)
    {
        var chunk = clause.Chunk;
        var years = Year().Matches(chunk.Context).Select(m => int.Parse(m.Value)).Distinct().ToList();
        if (years.Count < 2) return null;
        var year = question.Year ?? years[0];
        var column = years.IndexOf(year);
        if (column < 0) return null;
        var best = Run().Matches(chunk.Text)
            .Select(m => (Match: m, Cells: Decode(Cells(m.Value), years.Count, Percent(chunk.Text, m.Index))))
            .Where(r => r.Cells.Count >= Math.Min(3, years.Count))
            // The run that reads as exactly one value per year, else the longest.
            .OrderByDescending(r => r.Cells.Count == years.Count).ThenByDescending(r => r.Cells.Count)
            .FirstOrDefault();
        if (best.Match is null) return null;
        var cells = best.Cells;
        var index = column - (years.Count - cells.Count);
        if (index < 0 || index >= cells.Count || cells[index] == "-") return null;
        var value = ValueSpans.Figures(cells[index]).FirstOrDefault()?.Display ?? cells[index];
        if (cells[index].StartsWith('≥') && !value.StartsWith('≥')) value = "≥ " + value;
        var unit = Percent(chunk.Text, best.Match.Index) && !value.EndsWith('%') ? "%" : "";
        var display = value + unit;
        if (unit.Length == 0 && question.CountedNoun is { } noun) display += " " + noun;
        return new Candidate(AskKind.Figure, $"{display} (năm {year})", best.Match.Index, best.Match.Index + best.Match.Length, 1.2);
    }

    /// <summary>The row's unit column says "%" before its values (this OCR sometimes prints it "&amp;").</summary>
    private static bool Percent(string row, int runStart)
    {
        var percent = row.LastIndexOf('%', Math.Max(0, runStart - 1));
        if (percent >= 0) return true;
        var before = row[..runStart].TrimEnd();
        return before.EndsWith('&');
    }

    private static List<string> Cells(string run) => Cell().Matches(run).Select(m => m.Value.Replace(" ", "").Replace('=', '≥')).ToList();

    /// <summary>Reads the OCR's misread "≥": a "2" glued to a percentage over 100, or a lone "2" before a value when that makes the count right.</summary>
    private static List<string> Decode(List<string> cells, int expected, bool percent)
    {
        var decoded = cells.Select(c => percent && Glued(c) is { } v ? v : c).ToList();
        for (var i = 0; decoded.Count > expected && i + 1 < decoded.Count; i++)
        {
            if (decoded[i] != "2" || !char.IsDigit(decoded[i + 1][0])) continue;
            decoded[i] = "≥" + decoded[i + 1];
            decoded.RemoveAt(i + 1);
        }
        return decoded;
    }

    private static string? Glued(string cell)
    {
        if (cell.Length < 3 || cell[0] != '2' || !cell.All(char.IsDigit)) return null;
        var whole = int.Parse(cell, CultureInfo.InvariantCulture);
        var rest = int.Parse(cell[1..], CultureInfo.InvariantCulture);
        return whole > 100 && rest <= 100 ? "≥" + cell[1..] : null;
    }
}
