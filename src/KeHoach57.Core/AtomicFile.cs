namespace KeHoach57.Core;

/// <summary>
/// Replaces a file in one step: the new content goes to a temporary file beside it, flushed to disk, then
/// renamed over the old one. A reader sees the old file or the new one, never half of either.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] content) => Write(path, stream => stream.Write(content));

    /// <summary>The same for content too large to hold as one array: <paramref name="write"/> streams it.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
