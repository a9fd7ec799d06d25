using KeHoach57.Core.Documents;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// corpus/raw/manifest.tsv: one row per raw export, with curated metadata (proper Vietnamese, checked
/// against the document) in the columns title, issuer, number, date, locality and level.
/// </summary>
public sealed class Manifest
{
    public const string FileName = "manifest.tsv";

    private readonly List<Dictionary<string, string>> rows;

    private Manifest(List<Dictionary<string, string>> rows) => this.rows = rows;

    public static Manifest Empty { get; } = new([]);

    public static Manifest Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return Empty;
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) return Empty;
        var columns = lines[0].Split('\t').Select(c => c.Trim()).ToArray();
        var rows = lines.Skip(1)
            .Select(l => l.Split('\t'))
            .Select(cells => columns.Select((c, i) => (c, v: i < cells.Length ? cells[i].Trim() : ""))
                .ToDictionary(p => p.c, p => p.v, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return new Manifest(rows);
    }

    /// <summary>The row for a raw file, matched by id (its name without extension) or by its "source file" column.</summary>
    public DocumentInfo? Find(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var row = rows.FirstOrDefault(r => Get(r, "id") == stem) ?? rows.FirstOrDefault(r => Get(r, "source file") == fileName);
        if (row is null || Get(row, "title").Length == 0) return null;
        return new DocumentInfo(Get(row, "id"), Get(row, "title"), Get(row, "issuer"), Get(row, "number"),
            Get(row, "date"), Get(row, "locality"), Get(row, "level"), fileName);
    }

    public string? IdFor(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return rows.Select(r => Get(r, "id")).FirstOrDefault(id => id == stem)
            ?? rows.Where(r => Get(r, "source file") == fileName).Select(r => Get(r, "id")).FirstOrDefault();
    }

    private static string Get(Dictionary<string, string> row, string column) => row.TryGetValue(column, out var v) ? v : "";

    /// <summary>The columns of a new manifest; an existing one keeps its own.</summary>
    public static readonly string[] Columns = ["id", "source file", "what it is", "title", "issuer", "number", "date", "locality", "level"];

    /// <summary>
    /// The manifest text with <paramref name="row"/> in place of the row of the same id, or added at the end.
    /// Every other line stays byte for byte; values lose tabs and line breaks, which would break the table.
    /// </summary>
    public static string WithRow(string tsv, IReadOnlyDictionary<string, string> row)
    {
        var lines = tsv.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0 || lines[0].Trim().Length == 0) lines = [string.Join('\t', Columns)];
        var columns = lines[0].Split('\t').Select(c => c.Trim()).ToArray();
        var idColumn = Array.FindIndex(columns, c => c.Equals("id", StringComparison.OrdinalIgnoreCase));
        var line = string.Join('\t', columns.Select(c => row.TryGetValue(c, out var v) ? Cell(v) : ""));
        var existing = idColumn < 0 ? -1 : lines.FindIndex(1, l => l.Split('\t') is var cells && cells.Length > idColumn && cells[idColumn].Trim() == row["id"]);
        if (existing > 0) lines[existing] = line;
        else lines.Add(line);
        return string.Join('\n', lines) + "\n";
    }

    private static string Cell(string value) => string.Join(' ', value.Split(['\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
