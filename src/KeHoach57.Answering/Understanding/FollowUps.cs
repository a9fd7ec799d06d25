using System.Text.RegularExpressions;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Understanding;

/// <summary>
/// Resolves an elliptical follow-up against the previous question of a conversation: "Còn báo cáo năm thì
/// sao?" after "Báo cáo 6 tháng gửi trước ngày nào?" becomes "Báo cáo năm gửi trước ngày nào?". It merges
/// with a previous question that was answered and on the same subject; a question that stands on its own, or
/// one with words of its own after a refusal, stands alone.
/// </summary>
public sealed partial class FollowUps
{
    private const int ShortQuestionWords = 3;
    private readonly List<string[]> _openers = [];
    private readonly List<string[]> _closers = [];
    private readonly VietnameseAnalyzer _analyzer;
    private readonly QuestionReader _reader;

    public FollowUps(VietnameseAnalyzer analyzer, QuestionReader reader)
    {
        _analyzer = analyzer;
        _reader = reader;
        foreach (var line in DataLines.Read(DataLines.ReadEmbedded(typeof(FollowUps).Assembly, "KeHoach57.Answering.Understanding.followups.tsv")))
        {
            var words = VietnameseText.Fold(line.Field(1)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            (line.Field(0) switch
            {
                "opener" => _openers,
                "closer" => _closers,
                _ => throw new InvalidDataException($"followups.tsv:{line.Number}: unknown role \"{line.Field(0)}\""),
            }).Add(words);
        }
        _openers.Sort((a, b) => b.Length.CompareTo(a.Length));
        _closers.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    // Slots a follow-up fills: a year ("còn năm 2030?"), or a report period ("còn báo cáo năm?").
    [GeneratedRegex(@"(?i)\b(năm|nam|đến|den|hết năm|het nam)\s+20\d\d\b|\b20\d\d\b")]
    private static partial Regex YearSlot();

    [GeneratedRegex(@"(?i)\b(\d+\s+(tháng|thang)|(hằng|hàng|hang)\s+(tháng|thang|năm|nam|quý|quy)|(quý|quy)|(năm|nam)(?!\s+\d))\b")]
    private static partial Regex PeriodSlot();

    /// <summary>The question to answer: <paramref name="question"/> itself, or merged with the previous one when it leans on it.
    /// The previous question loses the places it named when the follow-up names its own ("còn xã Trường Giang thì sao?"),
    /// and its ask when the follow-up asks its own ("… số mấy?" then "Ban hành ngày nào?").</summary>
    public string Resolve(string question, QuestionFacts facts, PreviousTurn? previous)
    {
        if (previous is null) return question;
        // After a refusal the asker may move on, so a question with words of its own stands alone; one with none but a
        // year or a period ("Còn đến 2030?") can only mean the previous question, and alone it would match any heading.
        if (!previous.Answered && HasWordsOfItsOwn(question)) return question;
        var words = _analyzer.Tokenize(question, repair: false).Select(t => t.Term).ToList();
        var (opener, closer) = (Leading(words), Trailing(words));
        var content = words.Count - opener - closer;
        // The words of its ask ("ban hành" of "ban hành ngày nào") say what is asked of a subject, not which one: a question
        // with no other ("Ban hành ngày nào?") asks it of the subject before.
        var askWords = facts.Asks.SelectMany(a => VietnameseText.Fold(a.Cue).Split(' ')).ToHashSet(StringComparer.Ordinal);
        var own = facts.Subject.Where(w => !askWords.Contains(w)).ToList();
        var elliptical = opener > 0 || closer > 0 || content <= ShortQuestionWords || own.Count == 0;
        if (!elliptical) return question;
        // A new subject with its own question word stands alone ("Còn phòng nào lo DTI?" is a new question).
        var shared = previous.Subject is { Count: > 0 } earlier && own.Any(earlier.Contains);
        if (own.Count > 0 && !shared && facts.Recognition >= 1.0) return question;
        var before = facts.Places.PlanIds.Count > 0 || facts.Places.Unindexed.Count > 0 ? _reader.WithoutPlaces(previous.Question) : previous.Question;
        return Merge(Focus(question, opener, closer), before, asksItsOwn: facts.Asks.Count > 0, previous.Named);
    }

    /// <summary>Whether the question says anything but a year, a period and grammar ("Thế năm 2045 thì sao?" does not).</summary>
    private bool HasWordsOfItsOwn(string question)
    {
        var rest = PeriodSlot().Replace(YearSlot().Replace(question, " . "), " . ");
        var words = _analyzer.Tokenize(rest, repair: false).Select(t => t.Term).ToList();
        return StopWords.Content(words).Any(w => !w.All(char.IsDigit));
    }

    private int Leading(List<string> words) =>
        _openers.FirstOrDefault(o => o.Length <= words.Count && o.Select((w, i) => words[i] == w).All(x => x))?.Length ?? 0;

    private int Trailing(List<string> words) =>
        _closers.FirstOrDefault(c => c.Length <= words.Count && c.Select((w, i) => words[words.Count - c.Length + i] == w).All(x => x))?.Length ?? 0;

    /// <summary>The question without its leaning words.</summary>
    private string Focus(string question, int opener, int closer)
    {
        var tokens = _analyzer.Tokenize(question, repair: false);
        if (tokens.Count == 0) return question;
        var start = opener < tokens.Count ? tokens[opener].Start : question.Length;
        var end = closer > 0 && tokens.Count - closer - 1 >= 0 ? tokens[tokens.Count - closer - 1].End : question.TrimEnd('?', '.', '!', ' ').Length;
        return end > start ? question[start..end].Trim() : "";
    }

    private string Merge(string focus, string previous, bool asksItsOwn, string? named)
    {
        if (focus.Length == 0) return previous;
        if (YearSlot().Match(focus) is { Success: true } year && YearSlot().IsMatch(previous))
            return YearSlot().Replace(previous, year.Value, 1);
        // "báo cáo năm" for "báo cáo 6 tháng": swap the period, keep the rest of the question.
        var newPeriod = PeriodSlot().Match(focus);
        var oldPeriod = PeriodSlot().Match(previous);
        if (newPeriod.Success && oldPeriod.Success)
            return previous[..oldPeriod.Index] + newPeriod.Value + previous[(oldPeriod.Index + oldPeriod.Length)..];
        // Its own ask replaces the previous one, and what that one's answer named stands in for it: "… số mấy ban hành ngày
        // nào?" would ask both, where "… 34/KH-UBND ban hành ngày nào?" asks the date of the plan just named.
        if (asksItsOwn) previous = _reader.WithoutAsks(previous) + (named is null ? "" : " " + named);
        return previous.TrimEnd('?', ' ') + " " + focus + "?";
    }
}
