using KeHoach57.Ingestion.Formats;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>Whether the Debian tools that scans need are here; tests that need them are skipped with the reason when they are not.</summary>
public static class OcrTools
{
    public static bool Has(string tool) => ExternalTool.Find(tool) is not null;

    public static bool HasVietnameseOcr() => HasModels("vie");

    /// <summary>Whether tesseract is here with every model of a '+'-joined language setting ("vie+eng").</summary>
    public static bool HasModels(string language)
    {
        if (ExternalTool.Find("tesseract") is not { } tesseract) return false;
        var list = ExternalTool.RunAsync(tesseract, ["--list-langs"], TimeSpan.FromSeconds(30), 1 << 20, CancellationToken.None).GetAwaiter().GetResult();
        var installed = System.Text.Encoding.UTF8.GetString(list.Output).Split('\n', StringSplitOptions.TrimEntries);
        return language.Split('+').All(installed.Contains);
    }

    /// <summary>Skips unless pdftoppm and tesseract with the models of Import:OcrLanguage's default are here.</summary>
    public static void SkipUnlessOcr() =>
        Assert.SkipUnless(HasModels(new ImportOptions().OcrLanguage) && Has("pdftoppm"),
            $"tesseract with its {new ImportOptions().OcrLanguage} models and pdftoppm are not installed (Debian: tesseract-ocr tesseract-ocr-vie poppler-utils; .ci/run installs them)");
}
