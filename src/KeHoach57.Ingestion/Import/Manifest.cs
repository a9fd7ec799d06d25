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
}
