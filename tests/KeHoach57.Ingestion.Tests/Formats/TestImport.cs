using KeHoach57.Ingestion.Formats;
using KeHoach57.Ingestion.Import;
using Microsoft.Extensions.Options;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>An importer over a temporary corpus folder, and the seed plans' curated metadata as corrections.</summary>
public sealed class TestImport : IDisposable
{
    public string Corpus { get; } = Directory.CreateTempSubdirectory("kh57-corpus-").FullName;
    public DocumentImporter Importer { get; }

    /// <param name="readers">Readers in another order than the product's (to compare two of them); the standard ones by default.</param>
    public TestImport(ImportOptions? options = null, Func<IOptions<ImportOptions>, DocumentReaders>? readers = null)
    {
        var wrapped = Options.Create(options ?? new ImportOptions());
        Importer = new DocumentImporter((readers ?? DocumentReaders.Standard)(wrapped), wrapped, Options.Create(new CorpusOptions { Path = Corpus }));
    }

    public Task<ImportResult> ReadAsync(byte[] bytes, string name, MetadataCorrections? corrections = null) =>
        Importer.ReadAsync(new MemoryStream(bytes), name, corrections, cancellationToken: TestContext.Current.CancellationToken);

    public async Task<ImportedPlan> ImportAsync(byte[] bytes, string name, MetadataCorrections? corrections = null)
    {
        var result = await ReadAsync(bytes, name, corrections);
        return Assert.IsType<ImportedPlan>(result, exactMatch: false) is var plan ? plan
            : throw new InvalidOperationException((result as ImportRefusal)?.Message);
    }

    /// <summary>The manifest's curated values for a seed plan, as the user would confirm them.</summary>
    public static MetadataCorrections Curated(string id)
    {
        var info = Manifest.Load(Seeds.RawFolder).Find(id + ".txt")!;
        return new MetadataCorrections(info.Id, info.Title, info.Issuer, info.Number, info.Date, info.Locality, info.Level);
    }

    public void Dispose()
    {
        try { Directory.Delete(Corpus, recursive: true); } catch (IOException) { }
    }
}
