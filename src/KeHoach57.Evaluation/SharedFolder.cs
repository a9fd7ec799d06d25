using KeHoach57.Core;

namespace KeHoach57.Evaluation;

/// <summary>
/// The team's shared folder (reference scorer, dev set), which is not part of the repository: CI clones
/// it beside the checkout as ../shared, a worktree may sit one level deeper, so each ancestor is tried.
/// </summary>
public static class SharedFolder
{
    public static string? Find(string relativePath, string? start = null)
    {
        var root = RepositoryPaths.FindRoot(start);
        for (var dir = root is null ? null : new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
