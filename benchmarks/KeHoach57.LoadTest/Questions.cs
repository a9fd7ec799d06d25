namespace KeHoach57.LoadTest;

/// <summary>
/// The mix sent: questions officials ask about the plans, some scoped to one plan, some across all.
/// Written for load, not taken from the evaluation set.
/// </summary>
public static class Questions
{
    private static readonly string[] Texts =
    [
        "Mục tiêu chung của kế hoạch là gì?",
        "Tỷ lệ dịch vụ công trực tuyến toàn trình phải đạt bao nhiêu?",
        "Ai chịu trách nhiệm tổng hợp, báo cáo kết quả thực hiện?",
        "Thời hạn báo cáo 6 tháng là khi nào?",
        "Kinh phí thực hiện kế hoạch lấy từ nguồn nào?",
        "Những nhiệm vụ nào về chuyển đổi số được giao cho xã?",
        "Kế hoạch đặt chỉ tiêu gì về hạ tầng số và cáp quang?",
        "Cán bộ, công chức được tập huấn kỹ năng số như thế nào?",
        "Tổ công nghệ số cộng đồng có nhiệm vụ gì?",
        "Kế hoạch nói gì về an toàn thông tin mạng?",
        "Chỉ tiêu về kinh tế số trong GRDP là bao nhiêu?",
        "Phòng Văn hóa - Xã hội được giao những việc gì?",
        "Có bao nhiêu nhiệm vụ trong phụ lục kèm theo?",
        "Kế hoạch thực hiện Nghị quyết 57-NQ/TW ban hành ngày nào?",
        "Mục tiêu về thanh toán không dùng tiền mặt là gì?",
        "Đổi mới sáng tạo và khởi nghiệp được hỗ trợ ra sao?",
    ];

    /// <summary>Every other question is scoped, cycling through the plans the server knows.</summary>
    public static IReadOnlyList<(string Question, string? Scope)> Mix(IReadOnlyList<string> documentIds)
    {
        var mix = new List<(string, string?)>();
        for (var i = 0; i < Texts.Length * 2; i++)
        {
            var scope = i % 2 == 1 && documentIds.Count > 0 ? documentIds[i / 2 % documentIds.Count] : null;
            mix.Add((Texts[i % Texts.Length], scope));
        }
        return mix;
    }
}
