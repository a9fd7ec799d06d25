using KeHoach57.Ingestion.Import;

namespace KeHoach57.Cli;

/// <summary>What `import FILE` read from a file, for the user to confirm or correct before it is written.</summary>
public static class ImportSummary
{
    public static void Print(ImportedPlan plan)
    {
        var info = plan.Info;
        var q = plan.Quality;
        Console.WriteLine($"── {plan.SourceName} ({plan.Format}{(q.Pages is { } p ? $", {p} trang" : "")})");
        Row("Mã (--id)", info.Id);
        Row("Loại văn bản", plan.Header.Kind);
        Row("Trích yếu (--title)", info.Title);
        Row("Cơ quan ban hành (--issuer)", info.Issuer);
        Row("Số ký hiệu (--number)", info.Number);
        Row("Ngày (--date)", info.Date);
        Row("Nơi ban hành", plan.Header.Place);
        Row("Địa bàn (--locality)", info.Locality);
        Row("Cấp (--level)", info.Level);
        Row("Chất lượng", $"{q.Characters:N0} ký tự, {q.Lines:N0} dòng, {q.NoiseShare * 100:0}% dòng nhiễu, {q.Headings} đề mục, " +
                          $"{q.Tables} bảng phụ lục ({q.TableRows} dòng)");
        Row("Siêu dữ liệu", $"tìm thấy: {Join(q.MetadataFound)}; thiếu: {Join(q.MetadataMissing)}");
        foreach (var note in plan.Notes) Row("Ghi chú", note);
        foreach (var warning in q.Warnings) Console.WriteLine("  ⚠ " + warning);
    }

    private static void Row(string label, string value) =>
        Console.WriteLine($"  {label,-28} {(value.Length > 0 ? value : "(không đọc được)")}");

    private static string Join(IReadOnlyList<string> items) => items.Count == 0 ? "không" : string.Join(", ", items);
}
