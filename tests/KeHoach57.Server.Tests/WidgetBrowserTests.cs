using KeHoach57.Core;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeHoach57.Server.Tests;

/// <summary>
/// The widget as an official meets it: Debian's Chromium (never a downloaded browser) on the real server.
/// Skipped, visibly, where Chromium is not installed (.ci/install-chromium.sh installs it).
/// </summary>
public sealed class WidgetBrowserTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Opens <paramref name="path"/> in a fresh Chromium profile, runs <paramref name="test"/>, checks the page logged no error, then closes everything.</summary>
    private async Task InBrowserAsync(string path, Func<IPage, Task> test)
    {
        if (!File.Exists(ChromiumPath))
            Assert.Skip($"Chromium not found at {ChromiumPath}: run .ci/install-chromium.sh to run the browser tests.");
        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("kh57-chromium-");
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
            Locale = "vi-VN",
        });
        try
        {
            var page = context.Pages.FirstOrDefault() ?? await context.NewPageAsync();
            // A CSP violation or a script error in the widget shows up here, from the first load on.
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{message.Text} ({message.Location})"); };
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync(Url(path));
            await test(page);
            Assert.Empty(errors);
        }
        finally
        {
            await context.CloseAsync();
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private string Url(string path) => new Uri(server.BaseAddress, path).ToString();

    [Fact]
    public Task Widget_answers_with_a_citation_that_opens_the_highlighted_passage() => InBrowserAsync("/", async page =>
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cổng thông tin điện tử xã Yên Hòa" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Mở Trợ lý Kế hoạch 57" }).ClickAsync();
        var question = page.GetByLabel("Câu hỏi của bạn");
        await Expect(question).ToBeFocusedAsync();
        await question.FillAsync(TestCorpus.YenHoaQuestion);
        await question.PressAsync("Enter");

        var chips = page.Locator("kh57-assistant .chip");
        await Expect(chips.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var answer = page.Locator("kh57-assistant .msg.bot:not(.intro) .body");
        await Expect(answer).Not.ToBeEmptyAsync();
        await Expect(page.Locator("kh57-assistant .fb")).ToBeVisibleAsync();

        Directory.CreateDirectory(ArtifactsFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, "widget-answer.png") });

        // The chip whose passage holds the fact opens the plan there, marked and scrolled into view.
        var factChip = chips.Nth(await IndexOfChipCitingAsync(page));
        var popup = await page.RunAndWaitForPopupAsync(() => factChip.ClickAsync());
        await popup.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var highlighted = popup.Locator(".chunk.highlight");
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted).ToContainTextAsync(TestCorpus.YenHoaFact);
        await Expect(highlighted).ToBeInViewportAsync();
        Assert.Equal(await highlighted.GetAttributeAsync("id"), await popup.EvaluateAsync<string?>("() => document.querySelector(':target')?.id"));
        Assert.Equal(Url("/documents/" + TestCorpus.YenHoa).TrimEnd('/'), popup.Url.Split('?')[0]);

        await page.BringToFrontAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hữu ích", Exact = true }).ClickAsync();
        await Expect(page.Locator("kh57-assistant .fb")).ToHaveTextAsync("Cảm ơn bạn đã góp ý!");
    });

    [Fact]
    public Task Widget_is_keyboard_operable_and_unaffected_by_hostile_page_css() => InBrowserAsync("/demo/hostile.html", async page =>
    {
        var bubble = page.Locator("kh57-assistant .bubble");
        await Expect(bubble).ToBeVisibleAsync();
        Assert.Equal("16px", await bubble.EvaluateAsync<string>("b => getComputedStyle(b).fontSize"));
        var box = await bubble.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(56, box.Height, 1.0);

        await bubble.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var panel = page.Locator("kh57-assistant .panel");
        await Expect(panel).ToBeVisibleAsync();
        Assert.Equal("kh57-question", await ShadowFocusAsync(page));
        Assert.Equal("16px", await page.Locator("kh57-assistant textarea").EvaluateAsync<string>("t => getComputedStyle(t).fontSize"));
        Assert.Equal("none", await page.Locator("kh57-assistant .send").EvaluateAsync<string>("b => getComputedStyle(b, '::before').content"));

        await page.Keyboard.TypeAsync(TestCorpus.TruongGiangQuestion);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("kh57-assistant .chip").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("log", await page.Locator("kh57-assistant .log").GetAttributeAsync("role"));

        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        Assert.Equal("bubble", await ShadowFocusAsync(page, "className"));
    });

    private static Task<string> ShadowFocusAsync(IPage page, string property = "id") =>
        page.EvaluateAsync<string>($"() => document.querySelector('kh57-assistant').shadowRoot.activeElement?.{property} ?? ''");

    private static async Task<int> IndexOfChipCitingAsync(IPage page)
    {
        // The chip's tooltip carries the cited quote: pick the one with the fact.
        var titles = await page.Locator("kh57-assistant .chip").EvaluateAllAsync<string[]>("chips => chips.map(c => c.title)");
        var index = Array.FindIndex(titles, t => t.Contains(TestCorpus.YenHoaFact));
        return index < 0 ? 0 : index;
    }

    private static string ArtifactsFolder => Path.Combine(RepositoryPaths.FindRoot() ?? Directory.GetCurrentDirectory(), "artifacts");
}
