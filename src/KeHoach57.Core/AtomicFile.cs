namespace KeHoach57.Core;

/// <summary>
/// Replaces a file whole or not at all: the content goes to a new file beside it, flushed to disk, which is then
/// renamed over the old one. A reader sees the old file or the new one, never half of either; a crash (or kill -9)
/// mid-write leaves the previous file intact and at most a stray .tmp file.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        var temp = TempBeside(path);
        try
        {
            using (var stream = Create(temp)) stream.Write(content);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// The same for content written piece by piece and too large to hold as one array (an index of hundreds of
    /// megabytes): flushed to disk once at the end rather than written through at every buffer.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temp = TempBeside(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
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

    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        var temp = TempBeside(path);
        try
        {
            await using (var stream = Create(temp)) await write(stream, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static string TempBeside(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return path + "." + Guid.NewGuid().ToString("N") + ".tmp";
    }

    private static FileStream Create(string temp) =>
        new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.WriteThrough);
}
