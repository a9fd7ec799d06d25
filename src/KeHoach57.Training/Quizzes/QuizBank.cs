namespace KeHoach57.Training.Quizzes;

/// <summary>The quiz items of the loaded corpus, built once on first use and then filtered per request.</summary>
public sealed class QuizBank(QuizBuilder builder)
{
    private readonly Lazy<IReadOnlyList<QuizItem>> _items = new(builder.Build);
    private readonly Lazy<IReadOnlyList<PlanFact>> _facts = new(builder.Facts);

    /// <summary>The facts the items are made from (plan summaries list them too).</summary>
    public IReadOnlyList<PlanFact> Facts => _facts.Value;

    public IReadOnlyList<QuizItem> All => _items.Value;

    public IReadOnlyList<QuizItem> Select(QuizFilter filter, int? count = null)
    {
        var items = All.Where(filter.Matches);
        return (count is { } n ? items.Take(n) : items).ToList();
    }

    public QuizItem? Find(string id) => All.FirstOrDefault(i => i.Id == id);

    /// <summary>"hạn", "hạn nộp": the words a trainer types for a kind; English names work too.</summary>
    public static QuizKind? ParseKind(string? text) => Fold(text) switch
    {
        null or "" => null,
        "han" or "deadline" or "thoi han" => QuizKind.Deadline,
        "chu tri" or "don vi" or "leadunit" or "lead-unit" or "co quan" => QuizKind.LeadUnit,
        "chi tieu" or "muc tieu" or "target" => QuizKind.Target,
        "ke hoach" or "plan" or "van ban" => QuizKind.Plan,
        _ => throw new ArgumentException($"Không có loại câu hỏi \"{text}\". Các loại: hạn, chủ trì, chỉ tiêu, kế hoạch."),
    };

    public static QuizLevel? ParseLevel(string? text) => Fold(text) switch
    {
        null or "" => null,
        "nho" or "ghi nho" or "recall" => QuizLevel.Recall,
        "so sanh" or "compare" => QuizLevel.Compare,
        "muc" or "tim muc" or "section" => QuizLevel.Section,
        _ => throw new ArgumentException($"Không có mức \"{text}\". Các mức: nhớ, so sánh, mục."),
    };

    /// <summary>How a kind and a level are named to trainees.</summary>
    public static string Name(QuizKind kind) => kind switch
    {
        QuizKind.Deadline => "Thời hạn",
        QuizKind.LeadUnit => "Đơn vị chủ trì",
        QuizKind.Target => "Chỉ tiêu",
        _ => "Kế hoạch nào",
    };

    public static string Name(QuizLevel level) => level switch
    {
        QuizLevel.Recall => "Ghi nhớ",
        QuizLevel.Compare => "So sánh hai kế hoạch",
        _ => "Tìm mục",
    };

    private static string? Fold(string? text) => text is null ? null : Core.Text.VietnameseText.Fold(text).Trim().Replace('_', ' ');
}
