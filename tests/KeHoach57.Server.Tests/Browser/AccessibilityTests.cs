using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeHoach57.Server.Tests.Browser;

/// <summary>
/// WCAG 2.2 AA as axe-core checks it, in Chromium, on the demo portal, the open widget with an answer, and the
/// source page it links to, at a desktop (1280×800) and a phone (390×844) size, over the repository's plans.
/// Each check leaves a screenshot (artifacts/screenshots, or docs/screenshots with KH57_DOCS_SCREENSHOTS=1).
/// </summary>
public sealed class AccessibilityTests(RepositoryCorpusServer server) : IClassFixture<RepositoryCorpusServer>
{
    public const string Question = "Hạn báo cáo 6 tháng của xã là ngày nào?";

    [Theory]
    [InlineData("1280x800")]
    [InlineData("390x844")]
    public Task Portal_has_no_serious_or_critical_violations(string size) => Chromium.RunAsync(server.Url("/"), Chromium.Size(size), async page =>
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cổng thông tin điện tử xã Yên Hòa" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-documents] li")).ToHaveCountAsync(5);
        await CheckAsync(page, "portal", size);
    });

    [Theory]
    [InlineData("1280x800")]
    [InlineData("390x844")]
    public Task Open_widget_with_an_answer_has_no_serious_or_critical_violations(string size) => Chromium.RunAsync(server.Url("/"), Chromium.Size(size), async page =>
    {
        await AskAsync(page);
        await CheckAsync(page, "widget", size);
    });

    [Theory]
    [InlineData("1280x800")]
    [InlineData("390x844")]
    public Task Source_page_has_no_serious_or_critical_violations_and_shows_the_passage_restored(string size) =>
        Chromium.RunAsync(server.Url("/"), Chromium.Size(size), async page =>
        {
            await AskAsync(page);
            var source = await page.RunAndWaitForPopupAsync(() => page.Locator("kh57-assistant .source a.open").First.ClickAsync());
            await source.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            var highlighted = source.Locator(".chunk.highlight");
            await Expect(highlighted).ToHaveCountAsync(1);
            await Expect(highlighted).ToBeInViewportAsync();
            await Expect(source.Locator("main.doc.restored")).ToHaveCountAsync(1);
            await Expect(source.GetByRole(AriaRole.Link, new() { Name = "Bản đọc lại có dấu" })).ToHaveAttributeAsync("aria-current", "page");
            await CheckAsync(source, "source", size);

            // The original OCR is one link away, still at the same passage.
            var anchor = await highlighted.GetAttributeAsync("id");
            await source.GetByRole(AriaRole.Link, new() { Name = "Văn bản gốc (OCR)" }).ClickAsync();
            await Expect(source.Locator("main.doc:not(.restored)")).ToHaveCountAsync(1);
            await Expect(source.Locator(".chunk.highlight")).ToHaveAttributeAsync("id", anchor!);
            await Expect(source.Locator(".chunk.highlight")).ToBeInViewportAsync();
            await CheckAsync(source, "source-original", size, screenshot: false);
        });

    /// <summary>Opens the widget, asks, and waits until the answer, its sources and the feedback bar are shown.</summary>
    private static async Task AskAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        var question = page.GetByLabel("Câu hỏi của bạn");
        await question.FillAsync(Question);
        await question.PressAsync("Enter");
        await Expect(page.Locator("kh57-assistant .source").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("kh57-assistant .fb")).ToBeVisibleAsync();
    }

    private static async Task CheckAsync(IPage page, string name, string size, bool screenshot = true)
    {
        var violations = await Axe.RunAsync(page);
        var counts = string.Join(", ", new[] { "critical", "serious", "moderate", "minor" }
            .Select(impact => $"{impact} {violations.Count(v => v.Impact == impact)}"));
        Screenshots.Record($"{name} {size}: {counts}" + (violations.Count > 0 ? " — " + string.Join("; ", violations) : ""));
        if (screenshot) await Screenshots.SaveAsync(page, $"{name}-{size}");
        var serious = violations.Where(v => v.IsSeriousOrWorse).ToList();
        Assert.True(serious.Count == 0, $"{name} at {size}:\n" + string.Join("\n", serious));
    }
}
