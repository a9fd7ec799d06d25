using System.Text;

namespace KeHoach57.Core;

/// <summary>
/// The project's own binary files (the parsed corpus, the kept readings): a magic string and a version first, so that a
/// file of another kind or an older layout reads as none, then what the caller writes. Written atomically.
/// </summary>
public static class BinaryFile
{
    public static void Write(string path, string magic, int version, Action<BinaryWriter> body) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(magic);
            writer.Write(version);
            body(writer);
        });

    /// <summary>Opens <paramref name="path"/> past its header, or null when it is missing or of another kind or version.</summary>
    public static BinaryReader? Open(string path, string magic, int version)
    {
        if (!File.Exists(path)) return null;
        var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), Encoding.UTF8);
        try
        {
            if (reader.ReadString() == magic && reader.ReadInt32() == version) return reader;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or FormatException or ArgumentException)
        {
            // Too short or not ours: no file of this kind.
        }
        reader.Dispose();
        return null;
    }
}
