namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// A file handed to import: its name (for messages and the manifest only; the type is sniffed from the
/// content) and its bytes, already read within the size limit.
/// </summary>
public sealed class SourceFile(string name, byte[] bytes)
{
    public string Name { get; } = name;
    public byte[] Bytes { get; } = bytes;

    public bool StartsWith(ReadOnlySpan<byte> magic) => Bytes.AsSpan().StartsWith(magic);

    public string Extension => Path.GetExtension(Name).ToLowerInvariant();
}
