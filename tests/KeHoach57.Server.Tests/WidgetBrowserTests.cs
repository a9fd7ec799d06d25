using System.Text;
using System.Text.Json;
using KeHoach57.Core.Answers;
using KeHoach57.Server.Ask;
using KeHoach57.Server.Tests.Browser;
using KeHoach57.Server.Tests.Infrastructure;
using KeHoach57.Tests.Shared;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KeHoach57.Server.Tests;

/// <summary>The widget as an official meets it, in Chromium on the real server (skipped where Chromium is absent).</summary>
public sealed class WidgetBrowserTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private Uri Url(string path) => new(server.BaseAddress, path);

    private Task InBrowserAsync(string path, Func<IPage, Task> test, ViewportSize? size = null, Func<string, bool>? expectedError = null) =>
        Chromium.RunAsync(Url(path), size ?? Chromium.Desktop, test, expectedError);

    private static ILocator Widget(IPage page, string selector) => page.Locator("kh57-assistant " + selector);

    private static async Task AskAsync(IPage page, string question)
    {
        var box = page.GetByLabel("Câu hỏi của bạn");
        await box.FillAsync(question);
        await box.PressAsync("Enter");
    }

    private static Task<string> ShadowFocusAsync(IPage page, string property = "id") =>
        page.EvaluateAsync<string>($"() => document.querySelector('kh57-assistant').shadowRoot.activeElement?.{property} ?? ''");

    [Fact]
    public Task Widget_answers_with_sources_whose_link_opens_the_highlighted_passage() => InBrowserAsync("/", async page =>
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cổng thông tin điện tử xã Yên Hòa" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        await Expect(page.GetByLabel("Câu hỏi của bạn")).ToBeFocusedAsync();
        await AskAsync(page, TestCorpus.YenHoaQuestion);

        var sources = Widget(page, ".source");
        await Expect(sources.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(Widget(page, ".line")).ToContainTextAsync(TestCorpus.YenHoaFact);
        await Expect(Widget(page, ".fb")).ToBeVisibleAsync();
        Assert.InRange(await sources.CountAsync(), 1, 3);

        // The quote that holds the fact is on screen, not in a tooltip; its link opens the plan there, marked and in view.
        var factSource = sources.Filter(new() { Has = page.Locator(".quote", new() { HasText = TestCorpus.YenHoaFact }) }).First;
        await Expect(factSource.Locator(".quote")).ToBeVisibleAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => factSource.GetByRole(AriaRole.Link, new() { Name = "Xem văn bản gốc" }).ClickAsync());
        await popup.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var highlighted = popup.Locator(".chunk.highlight");
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted).ToContainTextAsync(TestCorpus.YenHoaFact);
        await Expect(highlighted).ToBeInViewportAsync();
        Assert.Equal(await highlighted.GetAttributeAsync("id"), await popup.EvaluateAsync<string?>("() => document.querySelector(':target')?.id"));
        Assert.Equal(Url("/documents/" + TestCorpus.YenHoa).ToString().TrimEnd('/'), popup.Url.Split('?')[0]);

        await page.BringToFrontAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hữu ích", Exact = true }).ClickAsync();
        await Expect(Widget(page, ".fb")).ToHaveTextAsync("Cảm ơn bạn đã góp ý!");
    });

    [Fact]
    public Task The_answer_text_appears_exactly_once() => InBrowserAsync("/", async page =>
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        await AskAsync(page, TestCorpus.YenHoaQuestion);
        await Expect(Widget(page, ".fb")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var line = (await Widget(page, ".msg.bot:not(.intro) .line").InnerTextAsync()).Trim();
        var everything = await page.EvaluateAsync<string>("() => document.querySelector('kh57-assistant').shadowRoot.querySelector('.log').innerText");
        Assert.True(line.Length > 10, line);
        Assert.Equal(1, Occurrences(everything, line));
    });

    [Fact]
    public Task Widget_renders_the_shared_answer_record() => InBrowserAsync("/", async page =>
    {
        var record = SampleAnswers.Answered();
        await page.RouteAsync("**/api/ask/stream", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/event-stream; charset=utf-8",
            Body = StreamOf(record),
        }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        await AskAsync(page, "Hạn báo cáo kết quả là ngày nào?");
        await Expect(Widget(page, ".fb")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var line = Widget(page, ".msg.bot:not(.intro) .line");
        await Expect(line).ToHaveTextAsync(SampleAnswers.Line);
        await Expect(line.Locator("strong.value")).ToHaveTextAsync(SampleAnswers.Value);
        var log = await page.EvaluateAsync<string>("() => document.querySelector('kh57-assistant').shadowRoot.querySelector('.log').innerText");
        Assert.Equal(1, Occurrences(log, SampleAnswers.Line));
        Assert.DoesNotContain("**", log);

        await Expect(Widget(page, ".sources h3")).ToHaveTextAsync(SourceText.AnsweredHeading);
        var sources = Widget(page, ".source");
        await Expect(sources).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await Expect(sources.Nth(i).Locator(".label")).ToHaveTextAsync($"[{i + 1}]{SampleAnswers.Labels[i]}");
            var link = sources.Nth(i).GetByRole(AriaRole.Link, new() { Name = "Xem văn bản gốc" });
            await Expect(link).ToHaveAttributeAsync("href", Url(SourceText.PassagePath(SampleAnswers.ChunkIds[i])).ToString());
            await Expect(link).ToHaveAttributeAsync("target", "_blank");
        }
        // The restored reading is shown and said to be one; the quote with markup characters is text, not markup.
        await Expect(sources.Nth(0).Locator(".quote")).ToHaveTextAsync($"“{SampleAnswers.RestoredQuote}”");
        await Expect(sources.Nth(0).Locator(".restored")).ToBeVisibleAsync();
        await Expect(sources.Nth(1).Locator(".quote")).ToHaveTextAsync($"“{SampleAnswers.EscapedQuote}”");
        await Expect(sources.Nth(1).Locator(".restored")).ToHaveCountAsync(0);
        // The long quote starts folded, visible, and unfolds with a button that says so.
        var more = sources.Nth(2).GetByRole(AriaRole.Button, new() { Name = "Xem thêm" });
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "false");
        var folded = (await sources.Nth(2).Locator(".quote").BoundingBoxAsync())!.Height;
        await more.ClickAsync();
        await Expect(sources.Nth(2).GetByRole(AriaRole.Button, new() { Name = "Thu gọn" })).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True((await sources.Nth(2).Locator(".quote").BoundingBoxAsync())!.Height > folded * 1.5);
    });

    [Fact]
    public Task On_a_phone_the_open_panel_is_modal_keeps_focus_inside_and_escape_returns_to_the_launcher() => InBrowserAsync("/", async page =>
    {
        var bubble = page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" });
        await bubble.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Trợ lý Kế hoạch 57" });
        await Expect(panel).ToBeVisibleAsync();
        await Expect(panel).ToHaveAttributeAsync("aria-modal", "true");
        var box = (await panel.BoundingBoxAsync())!;
        Assert.Equal((0, 0, 390, 844), ((int)box.X, (int)box.Y, (int)box.Width, (int)box.Height));

        // Twenty presses each way: focus cycles through the panel's controls and never reaches the page behind.
        foreach (var key in new[] { "Tab", "Shift+Tab" })
            for (var i = 0; i < 20; i++)
            {
                await page.Keyboard.PressAsync(key);
                Assert.True(await page.EvaluateAsync<bool>("() => { const root = document.querySelector('kh57-assistant').shadowRoot; " +
                    "return document.activeElement?.tagName === 'KH57-ASSISTANT' && !!root.activeElement && root.querySelector('.panel').contains(root.activeElement); }"),
                    $"focus left the panel after {i + 1} × {key}");
            }

        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(bubble).ToBeFocusedAsync();
        await Expect(bubble).ToHaveAttributeAsync("aria-expanded", "false");
    }, Chromium.Phone);

    [Fact]
    public Task On_a_desktop_the_panel_does_not_trap_focus() => InBrowserAsync("/", async page =>
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        await Expect(Widget(page, ".panel")).ToHaveAttributeAsync("aria-modal", "false");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" })).ToBeFocusedAsync();
    });

    [Fact]
    public Task When_the_server_cannot_be_reached_the_widget_says_so_and_retries_on_request() => InBrowserAsync("/", async page =>
    {
        await page.RouteAsync("**/api/ask/stream", route => route.AbortAsync("connectionrefused"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        await AskAsync(page, TestCorpus.YenHoaQuestion);

        var error = Widget(page, ".msg.bot.error");
        await Expect(error).ToContainTextAsync("Không kết nối được máy chủ trợ lý");
        var retry = error.GetByRole(AriaRole.Button, new() { Name = "Thử lại" });
        await Expect(retry).ToBeFocusedAsync();

        await page.UnrouteAllAsync();
        await retry.ClickAsync();
        await Expect(Widget(page, ".line").Last).ToContainTextAsync(TestCorpus.YenHoaFact, new() { Timeout = 15_000 });
        await Expect(Widget(page, ".msg.bot.error")).ToHaveCountAsync(0);
        await Expect(Widget(page, ".msg.user")).ToHaveCountAsync(1);
    }, expectedError: e => e.Contains("net::ERR_CONNECTION_REFUSED") || e.Contains("Failed to load resource"));

    [Fact]
    public Task Offline_the_widget_says_the_connection_is_down() => InBrowserAsync("/", async page =>
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        await page.Context.SetOfflineAsync(true);
        await AskAsync(page, TestCorpus.YenHoaQuestion);

        var error = Widget(page, ".msg.bot.error");
        await Expect(error).ToContainTextAsync("ngoại tuyến");
        await Expect(error.GetByRole(AriaRole.Button, new() { Name = "Thử lại" })).ToBeVisibleAsync();

        await page.Context.SetOfflineAsync(false);
        await error.GetByRole(AriaRole.Button, new() { Name = "Thử lại" }).ClickAsync();
        await Expect(Widget(page, ".fb")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }, expectedError: e => e.Contains("net::ERR_INTERNET_DISCONNECTED") || e.Contains("Failed to load resource"));

    [Fact]
    public Task Nothing_on_screen_moves_while_the_answer_streams_in() => InBrowserAsync("/", async page =>
    {
        // The real answer, held back a second: it then arrives well after the key press, so every shift it causes
        // counts (Chrome forgives shifts within 0.5 s of input, such as the question box shrinking when sent).
        await page.RouteAsync("**/api/ask/stream", async route =>
        {
            var response = await route.FetchAsync();
            await Task.Delay(1000);
            await route.FulfillAsync(new() { Response = response });
        });
        // The portal's own list of plans fills in after load and moves its sidebar: let it settle first.
        await Expect(page.Locator("[data-documents] li")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi trợ lý" }).ClickAsync();
        // Each shift is kept with what moved (the element's tag and class, its box before and after), so a failure says
        // which part of the page to look at.
        await page.EvaluateAsync("() => { window.__shifts = []; window.__moved = []; new PerformanceObserver(list => list.getEntries()" +
            ".filter(e => !e.hadRecentInput).forEach(e => { window.__shifts.push(e.value); window.__moved.push(e.value.toFixed(4) + ' ' + " +
            "(e.sources || []).map(s => (s.node ? (s.node.nodeName + '.' + (s.node.className || '')) : '?') + ' ' + " +
            "JSON.stringify([s.previousRect.y, s.previousRect.height, s.currentRect.y, s.currentRect.height])).join(' | ')); })).observe({ type: 'layout-shift' }); }");
        await AskAsync(page, TestCorpus.YenHoaQuestion);
        await Expect(Widget(page, ".busy")).ToBeVisibleAsync();
        await Expect(Widget(page, ".fb")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(Widget(page, ".source").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300);

        var shifts = await page.EvaluateAsync<double[]>("() => window.__shifts");
        var moved = await page.EvaluateAsync<string[]>("() => window.__moved");
        Assert.True(shifts.Sum() < 0.001, $"layout shifts: {string.Join("; ", moved)}");
    });

    [Fact]
    public Task Widget_is_keyboard_operable_and_unaffected_by_hostile_page_css() => InBrowserAsync("/demo/hostile.html", async page =>
    {
        var bubble = Widget(page, ".bubble");
        await Expect(bubble).ToBeVisibleAsync();
        Assert.Equal("16px", await bubble.EvaluateAsync<string>("b => getComputedStyle(b).fontSize"));
        var box = await bubble.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.Equal(56, box.Height, 1.0);

        await bubble.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var panel = Widget(page, ".panel");
        await Expect(panel).ToBeVisibleAsync();
        Assert.Equal("kh57-question", await ShadowFocusAsync(page));
        Assert.Equal("16px", await Widget(page, "textarea").EvaluateAsync<string>("t => getComputedStyle(t).fontSize"));
        Assert.Equal("none", await Widget(page, ".send").EvaluateAsync<string>("b => getComputedStyle(b, '::before').content"));

        await page.Keyboard.TypeAsync(TestCorpus.TruongGiangQuestion);
        await page.Keyboard.PressAsync("Enter");
        await Expect(Widget(page, ".source").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("log", await Widget(page, ".log").GetAttributeAsync("role"));

        await page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        Assert.Equal("bubble", await ShadowFocusAsync(page, "className"));
    });

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The record as the server streams it (the endpoint's own event builder), as the body of a text/event-stream.</summary>
    private string StreamOf(AnswerRecord record)
    {
        var json = server.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = new StringBuilder();
        var events = AskEndpoints.Events(AskResponse.From(record, 12.5, "c-sample", "a-sample"), json).ToBlockingEnumerable();
        foreach (var item in events) body.Append("event: ").Append(item.EventType).Append("\ndata: ").Append(item.Data).Append("\n\n");
        return body.ToString();
    }
}
