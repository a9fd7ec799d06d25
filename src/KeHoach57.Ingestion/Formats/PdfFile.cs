using System.Text;

namespace KeHoach57.Ingestion.Formats;

/// <summary>What is checked on a PDF before any parser sees it: that it is one, and that it is whole.</summary>
public static class PdfFile
{
    private static readonly byte[] Header = "%PDF-"u8.ToArray();
    private static readonly byte[] End = "%%EOF"u8.ToArray();

    /// <summary>"%PDF-" within the first kilobyte (the specification lets junk precede it).</summary>
    public static bool Is(SourceFile file) => file.Bytes.AsSpan(0, Math.Min(1024, file.Bytes.Length)).IndexOf(Header) >= 0;

    /// <summary>A PDF ends with "%%EOF" (give or take a few bytes of padding); one cut short in a download or an e-mail does not.</summary>
    public static bool IsTruncated(SourceFile file)
    {
        var tail = file.Bytes.AsSpan(Math.Max(0, file.Bytes.Length - 2048));
        return tail.IndexOf(End) < 0;
    }

    public static Unreadable Truncated(SourceFile file) => new(ImportProblem.Damaged,
        $"Tệp PDF \"{file.Name}\" bị cắt cụt (thiếu phần kết thúc %%EOF): tệp tải về hoặc sao chép chưa trọn. Hãy lấy lại tệp gốc đầy đủ.");

    public static Unreadable Encrypted(SourceFile file) => new(ImportProblem.Encrypted,
        $"Tệp PDF \"{file.Name}\" được bảo vệ bằng mật khẩu (mã hóa), không đọc được nội dung. Hãy mở bằng mật khẩu và lưu lại thành bản PDF không khóa rồi nhập lại.");

    public static Unreadable TooManyPages(SourceFile file, int pages, int max) => new(ImportProblem.TooLarge,
        $"Tệp PDF \"{file.Name}\" có {pages} trang, vượt giới hạn {max} trang cho một văn bản.");

    /// <summary>Whether the file's own dictionary says it is encrypted, for parsers that would not say so themselves.</summary>
    public static bool DeclaresEncryption(SourceFile file) =>
        Encoding.Latin1.GetString(file.Bytes.AsSpan(Math.Max(0, file.Bytes.Length - 64 * 1024))).Contains("/Encrypt", StringComparison.Ordinal);
}
