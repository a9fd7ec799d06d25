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

    public static Chunk[] ReadChunks(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        // Each chunk takes at least a byte per field: a count beyond what is left is damage, not a reason to allocate.
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position) throw new FormatException("A chunk count the file cannot hold.");
        var chunks = new Chunk[count];
        for (var c = 0; c < chunks.Length; c++)
            chunks[c] = new Chunk(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(),
                (ChunkKind)reader.ReadByte(), reader.ReadString(), reader.ReadInt32());
        return chunks;
    }
}
