using Microsoft.Playwright;

namespace KeHoach57.Server.Tests.Browser;

/// <summary>
/// Debian's Chromium (never a downloaded browser) driven by Playwright, one fresh profile per test. Tests that
/// need it are skipped, visibly, where it is not installed (.ci/install-chromium.sh installs it).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    // Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static ViewportSize Size(string name) => name switch
    {
        "1280x800" => Desktop,
        "390x844" => Phone,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "1280x800 or 390x844"),
    };

    /// <summary>
    /// Opens <paramref name="url"/>, runs <paramref name="test"/>, then checks the page logged no error (a CSP
    /// violation or a script error in the widget shows up there), except those <paramref name="expectedError"/> allows.
    /// </summary>
    public static async Task RunAsync(Uri url, ViewportSize viewport, Func<IPage, Task> test, Func<string, bool>? expectedError = null,
        Func<IPage, Task>? beforeLoad = null)
    {
        if (!File.Exists(ExecutablePath))
            Assert.Skip($"Chromium not found at {ExecutablePath}: run .ci/install-chromium.sh to run the browser tests.");
        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("kh57-chromium-");
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            ViewportSize = viewport,
            Locale = "vi-VN",
        });
        try
        {
            var page = context.Pages.FirstOrDefault() ?? await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && expectedError?.Invoke(message.Text) != true) errors.Add($"{message.Text} ({message.Location})");
            };
            page.PageError += (_, error) => errors.Add(error);
            if (beforeLoad is not null) await beforeLoad(page);
            await page.GotoAsync(url.ToString());
            await test(page);
            Assert.Empty(errors);
        }
        finally
        {
            await context.CloseAsync();
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
