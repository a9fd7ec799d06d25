using KeHoach57.Core;
using Microsoft.Playwright;

namespace KeHoach57.Server.Tests.Browser;

/// <summary>
/// Where browser tests leave what they saw: always under artifacts/ (ignored by git); also under docs/screenshots/
/// when KH57_DOCS_SCREENSHOTS=1, which is how the pictures in the docs are refreshed.
/// </summary>
public static class Screenshots
{
    public static string Root => RepositoryPaths.FindRoot() ?? Directory.GetCurrentDirectory();

    public static async Task SaveAsync(IPage page, string name)
    {
        var folders = new List<string> { Path.Combine(Root, "artifacts", "screenshots") };
        if (Environment.GetEnvironmentVariable("KH57_DOCS_SCREENSHOTS") == "1") folders.Add(Path.Combine(Root, "docs", "screenshots"));
        var png = await page.ScreenshotAsync();
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), png);
        }
    }

    /// <summary>A line per page and size in artifacts/accessibility.txt, for the report.</summary>
    public static void Record(string line)
    {
        var folder = Path.Combine(Root, "artifacts");
        Directory.CreateDirectory(folder);
        lock (typeof(Screenshots)) File.AppendAllText(Path.Combine(folder, "accessibility.txt"), line + Environment.NewLine);
    }
}
