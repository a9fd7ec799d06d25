using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text;

namespace KeHoach57.Retrieval.Storage;

/// <summary>
/// A read-only file seen as memory: mapped (pages are read when first touched, so opening costs nothing whatever
/// the size) or, on Windows, where a mapped file cannot be renamed over, read whole into one pinned array. Readers
/// take spans straight over it. The mapping lives as long as this object: whoever reads through it keeps it reachable.
/// </summary>
public sealed unsafe class MappedFile
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte[]? _pinned;

    public byte* Pointer { get; }
    public long Length { get; }

    public MappedFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        Length = stream.Length;
        if (Length == 0) throw new InvalidDataException($"{path} is empty.");
        if (OperatingSystem.IsWindows())
        {
            _pinned = GC.AllocateUninitializedArray<byte>(checked((int)Length), pinned: true);
            stream.ReadExactly(_pinned);
            Pointer = (byte*)Marshal.UnsafeAddrOfPinnedArrayElement(_pinned, 0);
            return;
        }
        _map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        Pointer = pointer + _view.PointerOffset;
    }

    // The pointer taken above holds the view open; the last reader gone, the mapping goes with it.
    ~MappedFile()
    {
        if (_view is null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map?.Dispose();
    }

    public BinaryCursor Cursor(long at = 0) => new(this, at);
}

/// <summary>A typed array inside a <see cref="MappedFile"/>: where it starts and how many elements it has.</summary>
public readonly unsafe struct Slice<T>(byte* at, int count) where T : unmanaged
{
    public int Count => count;

    public ReadOnlySpan<T> Span => new(at, count);

    public T this[int i] => ((T*)at)[i];

    public static Slice<T> Empty => default;
}

/// <summary>Reads a <see cref="BinaryFileWriter"/>'s output in order, checking every read against the file's end.</summary>
public sealed unsafe class BinaryCursor(MappedFile file, long at)
{
    public long Position { get; private set; } = at;

    private byte* Take(long bytes)
    {
        if (bytes < 0 || Position + bytes > file.Length) throw new InvalidDataException("The file ends before its content does.");
        var p = file.Pointer + Position;
        Position += bytes;
        return p;
    }

    public int Int32() => *(int*)Take(4);
    public long Int64() => *(long*)Take(8);
    public double Double() => *(double*)Take(8);
    public ReadOnlySpan<byte> Bytes(int count) => new(Take(count), count);

    public string String()
    {
        var length = Int32();
        return Encoding.UTF8.GetString(Bytes(length));
    }

    public Slice<T> Array<T>() where T : unmanaged
    {
        var count = Int64();
        if (count < 0 || count > int.MaxValue) throw new InvalidDataException("An array in the file has an impossible length.");
        Position = Align(Position);
        return new Slice<T>(Take(count * sizeof(T)), (int)count);
    }

    public static long Align(long position) => (position + 7) & ~7L;
}

/// <summary>Writes what <see cref="BinaryCursor"/> reads: little-endian numbers, length-prefixed UTF-8, arrays aligned to 8 bytes.</summary>
public sealed class BinaryFileWriter(Stream stream)
{
    private readonly byte[] _scratch = new byte[8];

    public long Position { get; private set; }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Position += bytes.Length;
    }

    public void Int32(int value)
    {
        BitConverter.TryWriteBytes(_scratch, value);
        Raw(_scratch.AsSpan(0, 4));
    }

    public void Int64(long value)
    {
        BitConverter.TryWriteBytes(_scratch, value);
        Raw(_scratch.AsSpan(0, 8));
    }

    public void Double(double value)
    {
        BitConverter.TryWriteBytes(_scratch, value);
        Raw(_scratch.AsSpan(0, 8));
    }

    public void String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Int32(bytes.Length);
        Raw(bytes);
    }

    public void Pad()
    {
        Span<byte> zeros = stackalloc byte[8];
        zeros.Clear();
        Raw(zeros[..(int)(BinaryCursor.Align(Position) - Position)]);
    }

    public void Array<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        ArrayHeader(values.Length);
        Raw(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Starts an array whose <paramref name="count"/> elements the caller then writes with <see cref="Raw"/>.</summary>
    public void ArrayHeader(long count)
    {
        Int64(count);
        Pad();
    }
}
