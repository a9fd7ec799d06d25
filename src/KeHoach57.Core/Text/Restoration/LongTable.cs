namespace KeHoach57.Core.Text.Restoration;

/// <summary>
/// The syllable model's pair and triple counts: a key (ids packed in a long) to a count, kept in the order the
/// entries were added, which is the order every sum over them is taken in. Not a <c>Dictionary&lt;long, int&gt;</c>
/// because a process's first restoration reads ~160,000 entries of the kept model: the framework's code for that
/// instantiation is compiled at run time, and at start it runs unoptimized (its methods never reach the call counts
/// that promote them while the start keeps compiling new ones): a third of a cold first answer went to filling the
/// dictionaries. This type's code is the project's own, so the published build has it precompiled and optimized.
/// Immutable once built; lookups are safe from any thread.
/// </summary>
internal sealed class LongTable
{
    private readonly long[] _keys;
    private readonly int[] _values;
    // Open addressing, linear probing: 1 + the entry's position, 0 for an empty slot; at most half full.
    private readonly int[] _slots;
    private readonly int _shift;

    private LongTable(long[] keys, int[] values)
    {
        _keys = keys;
        _values = values;
        var bits = 1;
        while (1L << bits < 2L * keys.Length) bits++;
        _slots = new int[1 << bits];
        _shift = 64 - bits;
        var mask = _slots.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Slot(keys[i]);
            while (_slots[slot] != 0)
            {
                if (_keys[_slots[slot] - 1] == keys[i]) throw new FormatException($"syllable model: key {keys[i]} twice");
                slot = (slot + 1) & mask;
            }
            _slots[slot] = i + 1;
        }
    }

    /// <summary>The entries of <paramref name="counts"/> in its enumeration order (the order they were added in).</summary>
    public static LongTable From(Dictionary<long, int> counts)
    {
        var keys = new long[counts.Count];
        var values = new int[counts.Count];
        var i = 0;
        foreach (var (key, n) in counts)
        {
            keys[i] = key;
            values[i++] = n;
        }
        return new LongTable(keys, values);
    }

    /// <summary><paramref name="count"/> entries as <see cref="Write"/> wrote them: key, then count.</summary>
    public static LongTable Read(BinaryReader reader, int count)
    {
        var keys = new long[count];
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = reader.ReadInt64();
            values[i] = reader.ReadInt32();
        }
        return new LongTable(keys, values);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_keys.Length);
        for (var i = 0; i < _keys.Length; i++)
        {
            writer.Write(_keys[i]);
            writer.Write(_values[i]);
        }
    }

    public int Count => _keys.Length;

    public long KeyAt(int position) => _keys[position];

    public int ValueAt(int position) => _values[position];

    /// <summary>Where <paramref name="key"/> is in the order of the entries, or −1.</summary>
    public int IndexOf(long key) => OpenSlots.Find(_keys, _slots, _shift, key);

    public bool ContainsKey(long key) => IndexOf(key) >= 0;

    /// <summary>The count of <paramref name="key"/>, 0 when it has none.</summary>
    public int GetValueOrDefault(long key) => IndexOf(key) is var at and >= 0 ? _values[at] : 0;

    /// <summary>The positions of the entries in the order of their keys.</summary>
    public int[] PositionsByKey()
    {
        var positions = new int[_keys.Length];
        for (var i = 0; i < positions.Length; i++) positions[i] = i;
        Array.Sort((long[])_keys.Clone(), positions);
        return positions;
    }

    private int Slot(long key) => OpenSlots.Slot(key, _shift);
}

/// <summary>A key (a pair context) to its position, in the order keys were first added: the model's per-context sums are arrays indexed by it.</summary>
internal sealed class LongPositions
{
    private long[] _keys;
    private int _count;
    private int[] _slots;
    private int _shift;

    public LongPositions(int capacity)
    {
        _keys = new long[Math.Max(capacity, 4)];
        var bits = 2;
        while (1L << bits < 2L * _keys.Length) bits++;
        _slots = new int[1 << bits];
        _shift = 64 - bits;
    }

    public int Count => _count;

    /// <summary>The position of <paramref name="key"/>, added at the end when new.</summary>
    public int Add(long key)
    {
        var mask = _slots.Length - 1;
        var slot = Slot(key);
        for (; _slots[slot] != 0; slot = (slot + 1) & mask)
            if (_keys[_slots[slot] - 1] == key) return _slots[slot] - 1;
        if (2L * (_count + 1) > _slots.Length)
        {
            Grow();
            return Add(key);
        }
        if (_count == _keys.Length) Array.Resize(ref _keys, _keys.Length * 2);
        _keys[_count] = key;
        _slots[slot] = ++_count;
        return _count - 1;
    }

    /// <summary>The position of <paramref name="key"/>, or −1.</summary>
    public int IndexOf(long key) => OpenSlots.Find(_keys, _slots, _shift, key);

    private void Grow()
    {
        var bits = 64 - _shift + 1;
        _slots = new int[1 << bits];
        _shift = 64 - bits;
        var mask = _slots.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = Slot(_keys[i]);
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = i + 1;
        }
    }

    private int Slot(long key) => OpenSlots.Slot(key, _shift);
}

/// <summary>Sums per key, each added to in the order the amounts come (as a dictionary's <c>d[k] = d.GetValueOrDefault(k) + x</c>), in project code for the reason <see cref="LongTable"/> gives.</summary>
internal sealed class LongSums(int capacity)
{
    private readonly LongPositions _positions = new(capacity);
    private double[] _sums = new double[Math.Max(capacity, 4)];

    public void Add(long key, double amount)
    {
        var at = _positions.Add(key);
        if (at == _sums.Length) Array.Resize(ref _sums, _sums.Length * 2);
        _sums[at] += amount;
    }

    /// <summary>The sum for <paramref name="key"/>, 0 when nothing was added to it.</summary>
    public double Get(long key) => _positions.IndexOf(key) is var at and >= 0 ? _sums[at] : 0;
}

/// <summary>The open-addressing index both tables keep: linear probing over slots holding 1 + an entry's position (0 empty).</summary>
internal static class OpenSlots
{
    // Fibonacci hashing: the ids packed in a key differ mostly in their low bits; the multiply spreads them over the top bits taken.
    public static int Slot(long key, int shift) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> shift);

    /// <summary>The position of <paramref name="key"/> among <paramref name="keys"/>, or −1.</summary>
    public static int Find(long[] keys, int[] slots, int shift, long key)
    {
        var mask = slots.Length - 1;
        for (var slot = Slot(key, shift); ; slot = (slot + 1) & mask)
        {
            var at = slots[slot] - 1;
            if (at < 0) return -1;
            if (keys[at] == key) return at;
        }
    }
}
