using System.Globalization;
using System.Text.RegularExpressions;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Why;

/// <summary>One part of the "why" view: a plain-Vietnamese heading and its lines.</summary>
public sealed record WhySection(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// "Vì sao có câu trả lời này?": an answer's trace told in plain Vietnamese for trainees learning to check an answer
/// against its source — how the question was understood (kind of ask and the words that said so, subject, place,
/// scope), the passages weighed with their scores, the clause chosen and why, and for a refusal what was missing.
/// No internal names: kinds and confidence features are translated.
/// </summary>
public static partial class WhyView
{
    [GeneratedRegex(@"^(?<kind>\w+) \((?<cue>.*), (?<strength>[\d.,]+)\)$")]
    private static partial Regex AskLine();

    /// <param name="planName">How a plan id is named to people ("KH xã Yên Hòa"); ids are shown when not given.</param>
    public static IReadOnlyList<WhySection> Explain(AnswerRecord answer, Func<string, string>? planName = null)
    {
        planName ??= id => id;
        var sections = new List<WhySection>();
        if (answer.Error is not null)
        {
            sections.Add(new("Không tìm kiếm", [$"Câu hỏi chưa được tìm vì: {answer.Error}"]));
            return sections;
        }
        if (answer.Trace is not { } t)
        {
            sections.Add(new("Cách hiểu câu hỏi", [$"Câu hỏi được hiểu là hỏi về {KindName(answer.Kind)}."]));
            if (answer.Citations.Count > 0) sections.Add(new("Đoạn được dùng", answer.Citations.Select(c => $"{SourceText.Label(c)}: “{SourceText.Quote(c, 300)}”").ToList()));
            return sections;
        }

        var understood = new List<string>();
        foreach (var (ask, n) in t.Asks.Select((a, n) => (a, n)))
        {
            var m = AskLine().Match(ask);
            var kind = m.Success && Enum.TryParse<AskKind>(m.Groups["kind"].Value, out var k) ? KindName(k) : ask;
            var cue = m.Success && m.Groups["cue"].Value.Length > 0 ? $" (nhận ra nhờ các từ “{m.Groups["cue"].Value}”)" : "";
            understood.Add(n == 0 ? $"Hỏi về: {kind}{cue}." : $"Cũng có thể hỏi về: {kind}{cue}.");
        }
        if (understood.Count == 0) understood.Add($"Hỏi về: {KindName(answer.Kind)}.");
        if (answer.ResolvedQuestion is { } resolved && resolved.Length > 0) understood.Insert(0, $"Câu hỏi được đọc là: “{resolved}”.");
        understood.Add(t.Subject.Count > 0 ? $"Từ khóa chủ đề (đã bỏ dấu; câu trả lời phải nói tới chúng): {string.Join(", ", t.Subject)}." : "Câu hỏi không có từ chủ đề rõ ràng.");
        if (t.Places.Count > 0) understood.Add($"Nơi được nêu trong câu hỏi: {string.Join(", ", t.Places.Select(planName))}.");
        understood.Add(t.Scope is null ? "Phạm vi tìm: tất cả các kế hoạch." : $"Phạm vi tìm: chỉ {planName(t.Scope)}.");
        sections.Add(new("Câu hỏi được hiểu thế nào", understood));

        var chosenId = answer.Citations.FirstOrDefault()?.ChunkId;
        sections.Add(new("Các đoạn đã xem xét (điểm tìm kiếm, cao là gần câu hỏi hơn)",
            t.Considered.Count == 0 ? ["Không tìm thấy đoạn nào chứa các từ của câu hỏi."]
            : t.Considered.Select((p, n) => $"{n + 1}. {p.Label} — điểm {Number(p.Score, "0.00")}{(answer.Answered && p.ChunkId == chosenId ? " ← đoạn được dùng" : "")}").ToList()));

        if (answer.Answered)
        {
            var chosen = new List<string>();
            if (t.ChosenClause is { } clause) chosen.Add($"Câu trong văn bản: “{Excerpts.OneLine(clause, 400)}”");
            if (answer.Value is { } value) chosen.Add($"Giá trị đọc được từ câu này: {value}.");
            sections.Add(new("Câu được chọn", chosen));
            sections.Add(new("Vì sao chọn câu này", Reasons(t.Features).Append($"Độ tin cậy chung: {Percent(answer.Confidence)}.").ToList()));
        }
        else
        {
            var refusal = new List<string> { $"Không trả lời vì: {answer.RefusalReason ?? answer.Line}" };
            refusal.AddRange(Missing(t));
            refusal.Add("Hãy đọc các đoạn gần nhất ở trên để tự đối chiếu, hoặc hỏi lại với tên kế hoạch, năm hoặc tên báo cáo cụ thể hơn.");
            sections.Add(new("Vì sao không trả lời", refusal));
        }
        return sections;
    }

    /// <summary>The view as plain lines (terminal, chat).</summary>
    public static IEnumerable<string> Lines(AnswerRecord answer, Func<string, string>? planName = null)
    {
        yield return Title;
        foreach (var section in Explain(answer, planName))
        {
            yield return "";
            yield return section.Title + ":";
            foreach (var line in section.Lines) yield return "  " + line;
        }
    }

    public const string Title = "Vì sao có câu trả lời này?";

    public static string KindName(AskKind kind) => kind switch
    {
        AskKind.Deadline => "thời hạn (đến khi nào phải làm xong hoặc gửi)",
        AskKind.Date => "ngày của một sự việc hay một văn bản",
        AskKind.Frequency => "bao lâu làm một lần (định kỳ)",
        AskKind.LeadUnit => "cơ quan, đơn vị chủ trì",
        AskKind.CoUnits => "các cơ quan, đơn vị phối hợp",
        AskKind.Recipient => "nơi nhận báo cáo hoặc đề xuất",
        AskKind.Figure => "một con số (chỉ tiêu, số lượng, tỷ lệ)",
        AskKind.Money => "một khoản tiền, kinh phí",
        AskKind.List => "danh sách các nội dung",
        AskKind.DocumentRef => "số hiệu của một văn bản",
        AskKind.Person => "một người (họ tên hoặc chức vụ)",
        AskKind.Contact => "thông tin liên hệ (điện thoại, thư điện tử, địa chỉ)",
        AskKind.Plan => "kế hoạch nào nêu nội dung được hỏi (và ở mục nào)",
        _ => "một thông tin trong văn bản",
    };

    /// <summary>The confidence features a trainee can check for themselves, in words.</summary>
    private static IEnumerable<string> Reasons(IReadOnlyDictionary<string, double> f)
    {
        if (f.TryGetValue("coverage", out var coverage)) yield return $"Câu chứa {Percent(coverage)} các từ chính của câu hỏi.";
        if (f.TryGetValue("missing_idf", out var missing) && missing > 0) yield return "Có từ quan trọng của câu hỏi không xuất hiện trong câu: hãy kiểm tra kỹ.";
        if (f.TryGetValue("local", out var local)) yield return $"Các từ của câu hỏi nằm gần giá trị: mức {Level(local)}.";
        if (f.TryGetValue("strength", out var strength)) yield return $"Câu nêu giá trị rõ ràng (ví dụ “trước ngày”, “chủ trì”): mức {Level(strength / 1.5)}.";
        if (f.TryGetValue("rank", out var rank)) yield return $"Đoạn chứa câu đứng thứ {Number(rank + 1, "0")} trong các đoạn tìm được.";
        if (f.TryGetValue("year_fit", out var year) && year != 0) yield return year > 0 ? "Năm trong câu hỏi khớp với năm trong câu." : "Năm trong câu hỏi không khớp với năm trong câu.";
        if (f.TryGetValue("secondary_missing", out var secondary) && secondary > 0) yield return "Một phần phụ của câu hỏi (năm, nơi, loại báo cáo…) không có trong câu.";
        if (f.TryGetValue("recognition", out var recognition)) yield return $"Mức chắc chắn về loại câu hỏi: {Level(recognition)}.";
        if (f.TryGetValue("margin", out var margin)) yield return margin >= 1 ? "Không có câu trả lời khác nào cạnh tranh." : $"Cách biệt với câu trả lời khác gần nhất: mức {Level(margin)}.";
        if (f.TryGetValue("from_heading", out var heading) && heading > 0) yield return "Giá trị lấy từ tiêu đề của mục (ví dụ tên đơn vị đứng đầu mục).";
    }

    /// <summary>What a refusal lacked, from the same features.</summary>
    private static IEnumerable<string> Missing(AnswerTrace t)
    {
        var f = t.Features;
        if (t.Considered.Count == 0) { yield return "Còn thiếu: không đoạn nào trong phạm vi tìm có các từ của câu hỏi."; yield break; }
        if (f.GetValueOrDefault("coverage") is var c and > 0 and < 0.6) yield return $"Còn thiếu: câu gần nhất chỉ chứa {Percent(c)} các từ chính của câu hỏi.";
        if (f.GetValueOrDefault("missing_idf") > 0) yield return "Còn thiếu: có từ quan trọng của câu hỏi không xuất hiện trong văn bản.";
        if (f.GetValueOrDefault("secondary_missing") > 0) yield return "Còn thiếu: phần phụ của câu hỏi (năm, nơi, loại báo cáo…) không có trong câu gần nhất.";
        if (t.ChosenClause is null) yield return "Còn thiếu: không câu nào nêu loại thông tin được hỏi.";
    }

    private static string Level(double v) => v >= 0.66 ? "cao" : v >= 0.33 ? "trung bình" : "thấp";

    private static string Percent(double v) => Math.Round(Math.Clamp(v, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double v, string format) => v.ToString(format, CultureInfo.GetCultureInfo("vi-VN"));
}
