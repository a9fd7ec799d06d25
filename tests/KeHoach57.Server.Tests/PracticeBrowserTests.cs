using KeHoach57.Server.Tests.Browser;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeHoach57.Server.Tests;

/// <summary>The widget's "Luyện tập" mode and the trainers' printable pages, in Chromium (skipped where it is absent).</summary>
public sealed class PracticeBrowserTests(PlansServer server) : IClassFixture<PlansServer>
{
    private Uri Url(string path) => new(server.BaseAddress, path);

    [Theory]
    [InlineData("1280x800")]
    [InlineData("390x844")]
    public Task Luyện_tập_trả_lời_thấy_phản_hồi_kèm_nguồn_và_điểm_cuối_bài(string size) => Chromium.RunAsync(Url("/"), Chromium.Size(size), async page =>
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        var mode = page.GetByRole(AriaRole.Button, new() { Name = "Luyện tập" });
        await mode.ClickAsync();
        await Expect(mode).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByLabel("Câu hỏi của bạn")).ToBeHiddenAsync();

        var questions = 0;
        while (true)
        {
            var stem = page.Locator("kh57-assistant .quiz-stem");
            // The first question waits for the quiz bank, built in the background after start (slow on a loaded machine).
            await Expect(stem).ToBeVisibleAsync(new() { Timeout = questions == 0 ? 60_000 : 15_000 });
            await Expect(stem).ToBeFocusedAsync();
            questions++;
            var options = page.Locator("kh57-assistant .quiz-option");
            await Expect(options).ToHaveCountAsync(4);
            await options.First.ClickAsync();
            var verdict = page.Locator("kh57-assistant .quiz-verdict");
            await Expect(verdict).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Đúng|Chưa đúng)"));
            await Expect(page.Locator("kh57-assistant .quiz-option.right")).ToHaveCountAsync(1);
            await Expect(page.Locator("kh57-assistant .quiz-feedback blockquote")).Not.ToBeEmptyAsync();
            await Expect(page.Locator("kh57-assistant .quiz-feedback").GetByRole(AriaRole.Link, new() { Name = "Xem văn bản gốc" })).ToBeVisibleAsync();
            if (questions == 1) await Screenshots.SaveAsync(page, $"practice-{size}");
            var next = page.Locator("kh57-assistant .quiz-next");
            await Expect(next).ToBeFocusedAsync();
            var last = await next.InnerTextAsync() == "Xem kết quả";
            await next.ClickAsync();
            if (last) break;
        }
        var score = page.Locator("kh57-assistant .quiz-score");
        await Expect(score).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^Kết quả: đúng \\d+/{questions} câu\\.$"));
        Assert.InRange(questions, 1, 5);

        await mode.ClickAsync();
        await Expect(page.GetByLabel("Câu hỏi của bạn")).ToBeVisibleAsync();
    });

    [Fact]
    public Task Vì_sao_có_câu_trả_lời_này_mở_ngay_dưới_câu_trả_lời() => Chromium.RunAsync(Url("/"), Chromium.Desktop, async page =>
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        var box = page.GetByLabel("Câu hỏi của bạn");
        await box.FillAsync("Báo cáo 6 tháng của xã Yên Hòa gửi trước ngày nào?");
        await box.PressAsync("Enter");
        var open = page.GetByRole(AriaRole.Button, new() { Name = "Vì sao có câu trả lời này?" });
        await Expect(open).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await open.ClickAsync();

        // The view replaces its button, is told in plain words, and takes the focus for a screen reader.
        var view = page.Locator("kh57-assistant .why");
        await Expect(view.GetByRole(AriaRole.Heading, new() { Name = "Vì sao có câu trả lời này?" })).ToBeFocusedAsync(new() { Timeout = 30_000 });
        await Expect(view).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(view).ToContainTextAsync("Hỏi về: thời hạn");
        // Answered or refused, the passages weighed are listed with their scores.
        await Expect(view).ToContainTextAsync("Các đoạn đã xem xét");
        await Expect(view).ToContainTextAsync(new System.Text.RegularExpressions.Regex("KH xã Yên Hòa › [^ ]+ — điểm \\d"));
        await Expect(view).Not.ToContainTextAsync("yen-hoa");
        Assert.True(await view.Locator("h4").CountAsync() >= 3);
        await Expect(open).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "why-1280x800");
    });

    [Theory]
    [InlineData("/documents/yen-hoa/summary", "plan-summary")]
    [InlineData("/api/quiz/export?format=html&plan=yen-hoa", "quiz-sheet")]
    public Task Bản_tóm_tắt_và_bản_in_câu_hỏi_hiển_thị_trong_Chromium(string path, string name) => Chromium.RunAsync(Url(path), Chromium.Desktop, async page =>
    {
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, name + "-1280x800");
        // Printed as A4, the summary fits on one or two pages.
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        if (name == "plan-summary") Assert.InRange(pages, 1, 2);
        else Assert.True(pages >= 2, "the answer key starts on a page of its own");
    });
}
