using System.Text;

namespace KeHoach57.Core;

/// <summary>
/// The project's own binary files (the parsed corpus, the corpus snapshot, the kept readings, the restorer's extended
/// model): a magic string and a version first, so that a file of another kind or an older layout reads as none, then
/// what the caller writes. Written atomically. A header cut short fails as any read past the end does
/// (<see cref="EndOfStreamException"/>): the callers already take that, anywhere in the file, as damage.
/// </summary>
public static class BinaryFile
{
    public static void Write(string path, string magic, int version, Action<BinaryWriter> body) =>
        AtomicFile.Write(path, stream => Write(stream, magic, version, body));

    public static void Write(Stream stream, string magic, int version, Action<BinaryWriter> body)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(magic);
        writer.Write(version);
        body(writer);
    }

    /// <summary>Opens <paramref name="path"/> past its header, or null when it is missing or of another kind or version.</summary>
    /// <param name="bufferSize">Small for a caller that reads the first fields only.</param>
    public static BinaryReader? Open(string path, string magic, int version, int bufferSize = 1 << 16) =>
        File.Exists(path) ? Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize), magic, version) : null;

    /// <summary>A reader of <paramref name="stream"/> past its header, or null when it is of another kind or version.</summary>
    /// <param name="leaveOpen">The stream stays open when the reader is disposed (the caller owns it).</param>
    public static BinaryReader? Open(Stream stream, string magic, int version, bool leaveOpen = false)
    {
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen);
        try
        {
            if (reader.ReadString() == magic && reader.ReadInt32() == version) return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        reader.Dispose();
        return null;
    }
}
