namespace KeHoach57.Retrieval.Tests;

/// <summary>Tests that write index files: each test gets its own data folder under the temp directory, removed after it.</summary>
public abstract class DataFolderTests(string name) : IDisposable
{
    protected string Data { get; } = Path.Combine(Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Data)) Directory.Delete(Data, recursive: true);
        GC.SuppressFinalize(this);
    }
}
