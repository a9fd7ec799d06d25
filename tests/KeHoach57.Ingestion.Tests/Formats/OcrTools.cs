using KeHoach57.Ingestion.Formats;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>Whether the Debian tools that scans need are here; tests that need them are skipped with the reason when they are not.</summary>
public static class OcrTools
{
    public static bool Has(string tool) => ExternalTool.Find(tool) is not null;

    public static bool HasVietnameseOcr()
    {
        if (ExternalTool.Find("tesseract") is not { } tesseract) return false;
        var list = ExternalTool.RunAsync(tesseract, ["--list-langs"], TimeSpan.FromSeconds(30), 1 << 20, CancellationToken.None).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(list.Output).Split('\n').Any(l => l.Trim() == "vie");
    }

    public static void SkipUnlessOcr() =>
        Assert.SkipUnless(HasVietnameseOcr() && Has("pdftoppm"),
            "tesseract with Vietnamese data and pdftoppm are not installed (Debian: tesseract-ocr tesseract-ocr-vie poppler-utils; .ci/run installs them)");
}
