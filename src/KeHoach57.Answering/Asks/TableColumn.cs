using System.Text.RegularExpressions;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Understanding;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Answers;

namespace KeHoach57.Answering.Asks;

/// <summary>
/// The cell of a target table's row for the asked year: the row's run of values lines up, from the right,
/// with the years of the header ("2025 2030 2035 2040 2045"). Without a year asked, the first column.
/// </summary>
public static partial class TableColumn
{
    [GeneratedRegex(@"\b(20[2-5]\d)\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|-)(?:\s*\|?\s*(?:(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|-(?=\s)))+")]
    private static partial Regex Run();

    [GeneratedRegex(@"(?:[<>≥≤=]\s*)?\d+(?:[.,]\d+)?|-")]
    private static partial Regex Cell();

    [GeneratedRegex(@"%")]
    private static partial Regex Percent();

    public static Candidate? Read(Clause clause, QuestionFacts question)
    {
        var chunk = clause.Chunk;
        var years = Year().Matches(chunk.Context).Select(m => int.Parse(m.Value)).Distinct().ToList();
        if (years.Count < 2) return null;
        var year = question.Year ?? years[0];
        var column = years.IndexOf(year);
        if (column < 0) return null;
        var run = Run().Matches(chunk.Text).Where(m => Cells(m.Value).Count >= Math.Min(3, years.Count)).MaxBy(m => Cells(m.Value).Count);
        if (run is null) return null;
        var cells = Cells(run.Value);
        var index = column - (years.Count - cells.Count);
        if (index < 0 || index >= cells.Count || cells[index] == "-") return null;
        var value = ValueSpans.Figures(cells[index]).FirstOrDefault()?.Display ?? cells[index];
        var unit = Percent().IsMatch(chunk.Text[..run.Index]) && !value.EndsWith('%') ? "%" : "";
        var display = value + unit;
        if (unit.Length == 0 && question.CountedNoun is { } noun) display += " " + noun;
        return new Candidate(AskKind.Figure, $"{display} (năm {year})", run.Index, run.Index + run.Length, 1.2);
    }

    private static List<string> Cells(string run) => Cell().Matches(run).Select(m => m.Value.Replace(" ", "")).ToList();
}
