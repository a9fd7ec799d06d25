namespace KeHoach57.Core.Documents;

/// <summary>
/// A plan's metadata and chunks as <see cref="BinaryWriter"/> fields, for the files that keep a parsed corpus
/// (the loader's cache, the host's corpus snapshot): one layout, so the two cannot drift apart. The files that use
/// it carry their own magic and version; a change here is a version bump in each.
/// </summary>
public static class DocumentBinary
{
    public static void WriteInfo(BinaryWriter writer, DocumentInfo info)
    {
        foreach (var field in new[] { info.Id, info.Title, info.Issuer, info.Number, info.Date, info.Locality, info.Level, info.Source })
            writer.Write(field);
    }

    public static DocumentInfo ReadInfo(BinaryReader reader) =>
        new(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(),
            reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());

    public static void WriteChunks(BinaryWriter writer, IReadOnlyList<Chunk> chunks)
    {
        writer.Write(chunks.Count);
        foreach (var c in chunks)
        {
            writer.Write(c.Id);
            writer.Write(c.DocId);
            writer.Write(c.Section);
            writer.Write(c.Text);
            writer.Write((byte)c.Kind);
            writer.Write(c.Context);
            writer.Write(c.Ordinal);
        }
    }

    public static List<Chunk> ReadChunks(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new FormatException("A negative chunk count.");
        // Grown as read, not sized by the count: a damaged count runs into the end of the file, not into a huge array.
        var chunks = new List<Chunk>(Math.Min(count, 1024));
        for (var c = 0; c < count; c++)
            chunks.Add(new Chunk(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(),
                (ChunkKind)reader.ReadByte(), reader.ReadString(), reader.ReadInt32()));
        return chunks;
    }
}
