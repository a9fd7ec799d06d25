namespace KeHoach57.Core;

/// <summary>
/// Finds the checkout root (the folder with KeHoach57.Assistant.sln), so that corpus/, eval/ and
/// appsettings.json resolve the same from `dotnet run`, a test's bin folder or a published app.
/// </summary>
public static class RepositoryPaths
{
    public const string SolutionFile = "KeHoach57.Assistant.sln";

    public static string? FindRoot(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(origin)) continue;
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
        }
        return null;
    }

    /// <summary>Resolves a configured path: absolute as is, relative against the checkout root (or the current folder).</summary>
    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(FindRoot() ?? Directory.GetCurrentDirectory(), path));
}
