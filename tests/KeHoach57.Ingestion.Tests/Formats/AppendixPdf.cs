using System.Text.RegularExpressions;
using KeHoach57.Ingestion.Documents;
using KeHoach57.Ingestion.Import;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>An appendix of tasks drawn as a four-column table (STT, task, unit in charge, deadline), with cells that wrap.</summary>
public static partial class AppendixPdf
{
    public static readonly string[] Header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"];

    public static readonly string[][] Rows =
    [
        ["1", "Xây dựng cơ sở dữ liệu về khoa học, công nghệ và đổi mới sáng tạo của xã, kết nối với cơ sở dữ liệu của tỉnh", "Phòng Văn hóa - Xã hội", "Quý IV/2025"],
        ["2", "Rà soát, cắt giảm thủ tục hành chính, đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình", "Văn phòng HĐND và UBND xã", "Tháng 12/2025"],
        ["3", "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã", "Phòng Văn hóa - Xã hội", "Hằng năm"],
        ["4", "Phổ cập chữ ký số cá nhân cho cán bộ, công chức", "Văn phòng HĐND và UBND xã", "Tháng 10/2025"],
        ["5", "Triển khai mô hình thanh toán không dùng tiền mặt tại chợ và trường học trên địa bàn", "Phòng Kinh tế", "Năm 2026"],
        ["6", "Bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số trong dự toán ngân sách hằng năm", "Phòng Kinh tế", "Hằng năm"],
        ["7", "Đánh giá chỉ số chuyển đổi số cấp xã (DTI) và báo cáo kết quả về UBND tỉnh", "Phòng Văn hóa - Xã hội", "Trước ngày 15/12 hằng năm"],
        ["8", "Bảo đảm an toàn, an ninh mạng cho hệ thống thông tin của xã", "Công an xã", "Thường xuyên"],
    ];

    public static (byte[] Pdf, IReadOnlyList<string[]> Expected) Build() =>
        (TestPdf.Table("PHỤ LỤC I", Header, Rows, [36, 230, 120, 97]), Rows);

    /// <summary>Rows that come out of the import as a table row with their STT and every word of every cell.</summary>
    public static int RowsKept(string text, IReadOnlyList<string[]> expected)
    {
        var rows = TableRows(text);
        return expected.Count(cells => rows.Any(r => r.Number == cells[0] && cells.Skip(1).All(cell => Words(cell).All(Words(r.Text).Contains))));
    }

    /// <summary>The STT of every appendix table row the import finds in a page's text, in order.</summary>
    public static List<string> RowNumbers(string text) => TableRows(text).Select(r => r.Number).ToList();

    private static List<TableRow> TableRows(string text) =>
        PlanImporter.Import("KẾ HOẠCH\nThực hiện chuyển đổi số\n\n" + text, "t", "t.txt")
            .AllSections().SelectMany(s => s.Blocks).OfType<Documents.Table>().SelectMany(t => t.Rows).ToList();

    private static HashSet<string> Words(string text) => [.. Word().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"[\p{L}\d]+")]
    private static partial Regex Word();
}
