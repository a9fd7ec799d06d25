using System.Net;
using KeHoach57.Channels.Telegram;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Tests.Shared;
using KeHoach57.Training.Quizzes;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Channels.Tests;

/// <summary>`/quiz` through the webhook against the fake Bot API: questions with inline-keyboard answers, callbacks, score.</summary>
public sealed class TelegramQuizTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private FakeTelegramApi _telegram = null!;
    private AssistantServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _telegram = await FakeTelegramApi.StartAsync();
        var settings = AssistantServer.TelegramSettings(_corpus, _telegram);
        // Distractors come from other rows and plans: the quiz needs the repository's five plans.
        settings["Corpus:Path"] = TestAssistant.RepositoryCorpus;
        _server = new AssistantServer(settings);
        // The bank is built on first use (every plan read, every distractor checked): built here, so the waits for
        // replies below do not also wait for that build on a loaded machine.
        await Task.Run(() => _server.Services.GetRequiredService<QuizBankSource>().Current.All, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _telegram.DisposeAsync();
        _corpus.Dispose();
    }

    private async Task PostAsync(string update) =>
        Assert.Equal(HttpStatusCode.OK, (await _server.PostTelegramAsync(update)).StatusCode);

    [Fact]
    public async Task Quiz_hỏi_từng_câu_bằng_nút_chấm_ngay_kèm_nguồn_và_báo_điểm_cuối_bài()
    {
        await PostAsync(TelegramUpdates.Text(2001, "/quiz yen-hoa"));
        var bank = _server.Services.GetRequiredService<QuizBank>();
        var right = 0;
        for (var n = 0; n < 5; n++)
        {
            var question = (await _telegram.WaitForMessagesAsync(1 + 2 * n))[^1];
            Html.AssertWellFormed(question.Text);
            Assert.Contains($"Câu {n + 1}/5", question.Text);
            var buttons = question.Buttons().ToList();
            Assert.Equal(4, buttons.Count);
            Assert.All(buttons, b => Assert.StartsWith("quiz:" + n + ":", b.Data));
            Assert.All(buttons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Data) <= 64));
            var item = bank.All.Single(i => i.PlanId == "yen-hoa" && question.Text.Contains(TelegramHtml.Escape(i.Stem)) && i.Options.All(o => question.Text.Contains(TelegramHtml.Escape(o))));
            var choice = n % 2 == 0 ? item.CorrectIndex : (item.CorrectIndex + 1) % 4;
            if (choice == item.CorrectIndex) right++;

            await PostAsync(TelegramUpdates.Callback(2001, buttons[choice].Data, queryId: $"quiz-{n}"));
            var feedback = (await _telegram.WaitForMessagesAsync(2 + 2 * n))[2 * n + 1];
            Html.AssertWellFormed(feedback.Text);
            Assert.Contains(choice == item.CorrectIndex ? "Đúng:" : "Chưa đúng.", feedback.Text);
            Assert.Contains("<blockquote>", feedback.Text);
            Assert.Contains(TelegramHtml.Escape(item.Citation.Label), feedback.Text);
            var answered = _telegram.Calls.Single(c => c.Method == "answerCallbackQuery" && (string?)c.Body["callback_query_id"] == $"quiz-{n}");
            Assert.StartsWith(choice == item.CorrectIndex ? "Đúng" : "Chưa đúng", (string?)answered.Body["text"]);
        }
        var score = (await _telegram.WaitForMessagesAsync(11))[10];
        Assert.Contains($"Kết quả: đúng {right}/5 câu.", score.Text);
    }

    [Fact]
    public async Task Nút_cũ_hoặc_lạ_được_trả_lời_là_đã_hết_hạn()
    {
        await PostAsync(TelegramUpdates.Callback(2002, "quiz:0:1", queryId: "stale"));
        await Eventually.WaitAsync(() => _telegram.Calls, calls => calls.Any(c => c.Method == "answerCallbackQuery"), "answerCallbackQuery");
        var answered = _telegram.Calls.Single(c => c.Method == "answerCallbackQuery");
        Assert.Contains("hết hạn", (string?)answered.Body["text"]);
        Assert.Empty(_telegram.Sent);
    }

    [Fact]
    public async Task Quiz_với_mã_kế_hoạch_lạ_được_báo_rõ()
    {
        await PostAsync(TelegramUpdates.Text(2003, "/quiz <khong-co>"));
        var sent = Assert.Single(await _telegram.WaitForMessagesAsync(1));
        Html.AssertWellFormed(sent.Text);
        Assert.Contains("&lt;khong-co&gt;", sent.Text);
    }

    [Theory]
    [InlineData("/quiz", "")]
    [InlineData("/quiz yen-hoa", "yen-hoa")]
    [InlineData("/quiz@kehoach57_bot yen-hoa", "yen-hoa")]
    [InlineData("/quiz@otherbot", null)]
    [InlineData("/quizz", null)]
    [InlineData("hạn báo cáo?", null)]
    public void Lệnh_quiz_được_đọc_đúng(string text, string? plan) =>
        Assert.Equal(plan, TelegramQuiz.PlanArgument(text, FakeTelegramApi.BotUsername));
}
