using System.Text;
using KeHoach57.Core;

namespace KeHoach57.Answering.Composition;

/// <summary>
/// The file of readings <see cref="AnswerText.KeepReadings"/> works out (<c>readings.bin</c> in the data folder): magic,
/// version, the build they were read with (a reading is a function of the text and that alone), the corpus they were
/// last completed for, then pairs of source text and reading. Written atomically; a file of another build, version or
/// shape reads as none.
/// </summary>
public static class KeptReadings
{
    public const string FileName = "readings.bin";
    private const string Magic = "KH57READINGS";
    private const int Version = 1;

    public sealed record Kept(string Corpus, Dictionary<string, string> Readings);

    public static Kept? Read(string path, string build)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadString() != Magic || r.ReadInt32() != Version || r.ReadString() != build) return null;
            var corpus = r.ReadString();
            var count = r.ReadInt32();
            // A damaged count is a refusal, not an allocation of gigabytes: each pair takes two bytes at least.
            if (count < 0 || count > stream.Length / 2) return null;
            var readings = new Dictionary<string, string>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++) readings[r.ReadString()] = r.ReadString();
            return new Kept(corpus, readings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static void Write(string path, string build, Kept kept) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            w.Write(Magic);
            w.Write(Version);
            w.Write(build);
            w.Write(kept.Corpus);
            w.Write(kept.Readings.Count);
            foreach (var (source, reading) in kept.Readings)
            {
                w.Write(source);
                w.Write(reading);
            }
        });
}
