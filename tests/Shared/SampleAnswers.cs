using KeHoach57.Core.Answers;

namespace KeHoach57.Tests.Shared;

/// <summary>
/// One answer record that every surface (terminal, widget, Telegram, Zalo) renders in its tests, so they can be
/// compared: an answer line leading with its value, and three sources — one whose OCR quote has a restored
/// reading, one whose quote holds characters markup must escape, one whose quote is long.
/// </summary>
public static class SampleAnswers
{
    public const string Value = "Trước ngày 15/12/2025";

    public const string Line = "Trước ngày 15/12/2025: Văn phòng HĐND và UBND xã tổng hợp, báo cáo kết quả thực hiện kế hoạch.";

    public const string OcrQuote = "Van phong HDND va UBND xa la dau moi tong hop, bao cao ket qua thuc hien ke hoach truoc ngay 15/12/2025.";

    public const string RestoredQuote = "Văn phòng HĐND và UBND xã là đầu mối tổng hợp, báo cáo kết quả thực hiện kế hoạch trước ngày 15/12/2025.";

    public const string EscapedQuote = "Phòng Văn hóa & Thông tin <chủ trì> cập nhật số liệu \"hằng quý\" lên hệ thống báo cáo.";

    public static readonly string LongQuote = string.Join(" ", Enumerable.Range(1, 12).Select(i =>
        $"Nhiệm vụ {i}: rà soát, cập nhật cơ sở dữ liệu dùng chung của xã và báo cáo tiến độ."));

    public static readonly string[] Labels = ["KH xã Yên Hòa › II", "KH xã Yên Hòa › III.1", "QĐ xã Trường Giang › Phụ lục II, dòng 5"];

    public static readonly string[] ChunkIds = ["yen-hoa/ii", "yen-hoa/iii-1", "truong-giang/phu-luc-ii-r5"];

    public static AnswerRecord Answered() => new(true, Line, Value, AskKind.Deadline,
    [
        new Citation("yen-hoa", "Kế hoạch phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Yên Hòa", "II. Tổ chức thực hiện",
            OcrQuote, OcrQuote, 3.2, ChunkIds[0]) { Label = Labels[0], Restored = RestoredQuote },
        new Citation("yen-hoa", "Kế hoạch phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số xã Yên Hòa", "III. Nhiệm vụ › 1. Số liệu",
            EscapedQuote, EscapedQuote, 2.1, ChunkIds[1]) { Label = Labels[1] },
        new Citation("truong-giang", "Quyết định ban hành kế hoạch hành động xã Trường Giang", "Phụ lục II",
            LongQuote, LongQuote, 1.4, ChunkIds[2]) { Label = Labels[2] },
    ])
    {
        PlanId = "yen-hoa",
        Confidence = 0.91,
    };
}
