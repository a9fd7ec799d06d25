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
            using var r = BinaryFile.Open(path, Magic, Version);
            if (r is null || r.ReadString() != build) return null;
            var corpus = r.ReadString();
            var count = r.ReadInt32();
            // A damaged count is a refusal, not an allocation of gigabytes: each pair takes two bytes at least.
            if (count < 0 || count > r.BaseStream.Length / 2) return null;
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
        BinaryFile.Write(path, Magic, Version, w =>
        {
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
