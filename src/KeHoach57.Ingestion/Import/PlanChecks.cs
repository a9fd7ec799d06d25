using System.Text.RegularExpressions;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Formats;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// Whether read text can be a plan: it has text at all, it is Vietnamese (most words have the shape of
/// Vietnamese syllables, OCR that lost its diacritics included), and it speaks as a plan does (a handful
/// of the terms every plan uses: "kế hoạch", "nhiệm vụ", "triển khai", "chủ trì"…).
/// </summary>
public static partial class PlanChecks
{
    /// <summary>Folded terms of implementation plans; a plan uses many, other Vietnamese text few.</summary>
    private static readonly string[] PlanTerms =
    [
        "ke hoach", "nhiem vu", "trien khai", "thuc hien", "muc tieu", "giai phap", "to chuc", "chu tri", "phoi hop",
        "nghi quyet", "chuyen doi so", "khoa hoc", "cong nghe", "doi moi sang tao", "bao cao", "kinh phi",
        "uy ban nhan dan", "ubnd", "quyet dinh", "chuong trinh", "don vi", "lo trinh",
    ];

    public static (ImportProblem Problem, string Message)? Check(string text, string fileName, ImportOptions options)
    {
        var letters = text.Count(char.IsLetter);
        if (letters < options.MinLetters)
            return (ImportProblem.EmptyText, letters == 0
                ? $"\"{fileName}\" không có chữ nào đọc được (trang trắng, hoặc chỉ có hình)."
                : $"\"{fileName}\" chỉ có {letters} chữ cái đọc được, quá ít cho một kế hoạch (cần ít nhất {options.MinLetters}).");

        var share = VietnameseSyllables.Share(text) ?? 0;
        if (share < options.MinVietnameseShare)
            return (ImportProblem.NotVietnamese,
                $"\"{fileName}\" không giống văn bản tiếng Việt: chỉ {share * 100:0}% số từ có dạng âm tiết tiếng Việt (cần {options.MinVietnameseShare * 100:0}%). " +
                "Nếu là tiếng Việt gõ bằng phông cũ mà không nhận ra được, hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại.");

        var folded = " " + NonWord().Replace(VietnameseText.Fold(text), " ") + " ";
        var found = PlanTerms.Where(t => folded.Contains(" " + t + " ", StringComparison.Ordinal)).ToList();
        if (found.Count < options.MinPlanTerms)
            return (ImportProblem.NotAPlan,
                $"\"{fileName}\" là tiếng Việt nhưng không giống một kế hoạch/văn bản chỉ đạo: chỉ gặp {found.Count} thuật ngữ của kế hoạch " +
                $"({(found.Count == 0 ? "không có" : string.Join(", ", found))}; cần ít nhất {options.MinPlanTerms}).");
        return null;
    }

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
