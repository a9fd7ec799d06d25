using System.ComponentModel.DataAnnotations;

namespace KeHoach57.Hosting.Lifecycle;

/// <summary>
/// Questions a new answering stack answers before it is served (config section "WarmUp"). The runtime compiles the
/// answer path on its first questions (hundreds of milliseconds of CPU); answered here, before the holder reports
/// ready, they cost the start and not the first official who asks. Their answers are thrown away. Off by default:
/// a one-shot command (`ask`) would only pay twice; the server turns it on in its appsettings.json.
/// </summary>
public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    public bool Enabled { get; set; }

    /// <summary>Different shapes, so the readers and handlers they reach are compiled too: a deadline, a lead unit,
    /// a figure without diacritics, a list, and a question the plans do not answer.</summary>
    public string[] Questions { get; set; } =
    [
        "Hạn báo cáo 6 tháng là ngày nào?",
        "Phòng nào chủ trì theo dõi chỉ số DTI?",
        "ty le dich vu cong truc tuyen toan trinh nam 2030 dat bao nhieu",
        "Kinh phí thực hiện được bố trí từ những nguồn nào?",
        "Mức lương cơ sở năm 2025 là bao nhiêu?",
    ];

    /// <summary>A warm-up that takes longer (an optional LLM phrasing step that hangs) is abandoned and the stack served anyway.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
