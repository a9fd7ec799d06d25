using System.Collections.Concurrent;
using System.Text;
using KeHoach57.Conversations.Channels;
using KeHoach57.Training.Quizzes;
using Microsoft.Extensions.Logging;
using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace KeHoach57.Channels.Telegram;

/// <summary>
/// `/quiz [mã kế hoạch]` in Telegram: five practice questions, one at a time, each with its options as inline-keyboard
/// buttons; a button press is answered at once (the verdict as the callback's notice) and followed by the cited
/// passage and the next question, then the score. A run lives in memory per chat: after a restart a stale button
/// says so and offers a new run.
/// </summary>
public sealed class TelegramQuiz(TelegramApi api, QuizBankSource banks, ILogger<TelegramQuiz> logger)
{
    public const string CallbackPrefix = "quiz:";
    private const int RunLength = 5;
    private readonly ConcurrentDictionary<long, Run> _runs = new();

    private sealed class Run(IReadOnlyList<QuizItem> items)
    {
        public IReadOnlyList<QuizItem> Items { get; } = items;
        public int Index { get; set; }
        public int Right { get; set; }
        public bool Answered { get; set; }
    }

    /// <summary>"/quiz", "/quiz yen-hoa", "/quiz@bot yen-hoa": the plan asked for ("" for all); null when the text is no quiz command for this bot.</summary>
    public static string? PlanArgument(string text, string? botUsername)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("/quiz", StringComparison.OrdinalIgnoreCase)) return null;
        var rest = trimmed[5..];
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]) && rest[0] != '@') return null;
        if (rest.StartsWith('@'))
        {
            var end = rest.IndexOf(' ');
            var addressee = end < 0 ? rest[1..] : rest[1..end];
            if (!string.Equals(addressee, botUsername, StringComparison.OrdinalIgnoreCase)) return null;
            rest = end < 0 ? "" : rest[end..];
        }
        return rest.Trim();
    }

    public async Task StartAsync(long chatId, string plan, int? threadId, CancellationToken cancellationToken)
    {
        var items = banks.Current.Select(new QuizFilter(plan.Length == 0 ? null : plan));
        if (items.Count == 0)
        {
            await SendAsync(chatId, $"Không có câu hỏi luyện tập cho kế hoạch \"{TelegramHtml.Escape(plan)}\". Gõ /phamvi để xem mã các kế hoạch.", null, threadId, cancellationToken);
            return;
        }
        // A different run each time, the same for the same day: items spread over kinds and plans.
        var seed = (int)(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMinute % int.MaxValue) ^ (int)chatId;
        var picked = items.OrderBy(i => FactText.Hash(seed + i.Id)).Take(RunLength).ToList();
        var run = new Run(picked);
        _runs[chatId] = run;
        await SendQuestionAsync(chatId, run, threadId, cancellationToken);
    }

    /// <returns>False when the callback is not a quiz button.</returns>
    public async Task<bool> OnCallbackAsync(long chatId, string queryId, string? data, int? threadId, CancellationToken cancellationToken)
    {
        if (data is null || !data.StartsWith(CallbackPrefix, StringComparison.Ordinal)) return false;
        var parts = data[CallbackPrefix.Length..].Split(':');
        if (!_runs.TryGetValue(chatId, out var run) || parts.Length != 2 || !int.TryParse(parts[0], out var index) || !int.TryParse(parts[1], out var choice)
            || index != run.Index || run.Answered || choice < 0 || choice >= run.Items[index].Options.Count)
        {
            await AnswerCallbackAsync(queryId, "Câu hỏi này đã hết hạn. Gõ /quiz để làm bài mới.", cancellationToken);
            return true;
        }
        run.Answered = true;
        var item = run.Items[index];
        var feedback = QuizFeedback.For(item, choice);
        if (feedback.Correct) run.Right++;
        await AnswerCallbackAsync(queryId, feedback.Verdict, cancellationToken);
        var html = new StringBuilder()
            .Append("<b>").Append(TelegramHtml.Escape(feedback.Verdict)).Append("</b>\n")
            .Append("Nguồn: ").Append(TelegramHtml.Escape(feedback.Source)).Append('\n')
            .Append("<blockquote>").Append(TelegramHtml.Escape(feedback.Quote)).Append("</blockquote>");
        await SendAsync(chatId, html.ToString(), null, threadId, cancellationToken);
        run.Index++;
        run.Answered = false;
        if (run.Index < run.Items.Count) await SendQuestionAsync(chatId, run, threadId, cancellationToken);
        else
        {
            _runs.TryRemove(chatId, out _);
            await SendAsync(chatId, $"<b>{TelegramHtml.Escape(QuizFeedback.Score(run.Right, run.Items.Count))}</b>\nGõ /quiz để làm bài mới.", null, threadId, cancellationToken);
        }
        return true;
    }

    private Task SendQuestionAsync(long chatId, Run run, int? threadId, CancellationToken cancellationToken)
    {
        var item = run.Items[run.Index];
        var html = new StringBuilder()
            .Append("<i>Câu ").Append(run.Index + 1).Append('/').Append(run.Items.Count).Append(" · ")
            .Append(TelegramHtml.Escape(QuizBank.Name(item.Kind))).Append(" · ").Append(TelegramHtml.Escape(QuizBank.Name(item.Level))).Append("</i>\n")
            .Append("<b>").Append(TelegramHtml.Escape(item.Stem)).Append("</b>");
        for (var i = 0; i < item.Options.Count; i++)
            html.Append('\n').Append(QuizItem.Letter(i)).Append(". ").Append(TelegramHtml.Escape(item.Options[i]));
        // Buttons carry the letter and a short option; the full options stand in the message above them.
        var keyboard = new InlineKeyboardMarkup(item.Options.Select((option, i) => new[]
        {
            InlineKeyboardButton.WithCallbackData(ChatReplies.Shorten($"{QuizItem.Letter(i)}. {option}", 60), $"{CallbackPrefix}{run.Index}:{i}"),
        }));
        return SendAsync(chatId, html.ToString(), keyboard, threadId, cancellationToken);
    }

    private Task SendAsync(long chatId, string html, InlineKeyboardMarkup? keyboard, int? threadId, CancellationToken cancellationToken) =>
        api.CreateClient().SendMessage(chatId, html, ParseMode.Html, replyMarkup: keyboard, linkPreviewOptions: new() { IsDisabled = true },
            messageThreadId: threadId, cancellationToken: cancellationToken);

    private async Task AnswerCallbackAsync(string queryId, string notice, CancellationToken cancellationToken)
    {
        try
        {
            await api.CreateClient().AnswerCallbackQuery(queryId, ChatReplies.Shorten(notice, 190), cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A late answer is refused by Telegram; the feedback message still goes out.
            logger.LogWarning(ex, "answerCallbackQuery failed for {Query}", queryId);
        }
    }
}
