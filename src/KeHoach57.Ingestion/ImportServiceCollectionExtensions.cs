using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion;

public static class ImportServiceCollectionExtensions
{
    /// <summary>
    /// The file import (<see cref="DocumentImporter"/> and its readers), configured from the "Import" and
    /// "Corpus" sections of the container's IConfiguration and validated at startup.
    /// </summary>
    public static IServiceCollection AddPlanImport(this IServiceCollection services)
    {
        services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.Section);
        services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.MaxUnpackedBytes > 0 && o.MaxPackageEntries > 0,
                "Import:MaxFileBytes, Import:MaxUnpackedBytes and Import:MaxPackageEntries must be positive.")
            .Validate(o => o.MaxPages > 0 && o.MaxOcrPages > 0 && o.OcrDpi is >= 100 and <= 600 && o.ToolTimeoutSeconds > 0,
                "Import:MaxPages and Import:MaxOcrPages must be positive, Import:OcrDpi between 100 and 600, Import:ToolTimeoutSeconds positive.")
            .Validate(o => o.MinLetters >= 0 && o.MinPlanTerms >= 0 && o.MinVietnameseShare is >= 0 and <= 1 && o.PoorNoiseShare is >= 0 and <= 1,
                "Import:MinLetters and Import:MinPlanTerms must not be negative; Import:MinVietnameseShare and Import:PoorNoiseShare are shares between 0 and 1.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.OcrLanguage) && o.OcrLanguage.Split('+').All(l => l.Trim().Length > 0)
                           && !string.IsNullOrWhiteSpace(o.TesseractPath)
                           && !string.IsNullOrWhiteSpace(o.PdfToPpmPath) && !string.IsNullOrWhiteSpace(o.PdfToTextPath),
                "Import:OcrLanguage (tesseract models joined by '+', none empty) and the tool paths (TesseractPath, PdfToPpmPath, PdfToTextPath) must not be empty.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => DocumentReaders.Standard(sp.GetRequiredService<IOptions<ImportOptions>>()));
        services.TryAddSingleton<DocumentImporter>();
        return services;
    }
}
