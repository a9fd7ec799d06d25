namespace KeHoach57.Core.Text;

/// <summary>
/// Distinct words found by a hash worked out once per word: a question's words carry theirs, kept with the question, so a
/// text they are looked up in costs a probe and a compare per word instead of hashing every word again for every text.
/// Each word has an index (its place in the array given), for what a caller keeps by word.
/// </summary>
public sealed class WordSet
{
    private readonly string[] _words;
    private readonly int[] _hashes;
    // Open addressing: a word's index + 1, 0 for an empty slot; at least twice as many slots as words.
    private readonly int[] _slots;

    /// <param name="words">Distinct words (ordinal): the set keeps the array, which must not change.</param>
    public WordSet(string[] words)
    {
        _words = words;
        _hashes = new int[words.Length];
        _slots = new int[Math.Max(4, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)words.Length * 2))];
        for (var k = 0; k < words.Length; k++)
        {
            var hash = _hashes[k] = Hash(words[k]);
            var slot = hash & (_slots.Length - 1);
            while (_slots[slot] != 0) slot = (slot + 1) & (_slots.Length - 1);
            _slots[slot] = k + 1;
        }
    }

    /// <summary>The hash a word is looked up by.</summary>
    public static int Hash(string word) => StringComparer.Ordinal.GetHashCode(word);

    public int Count => _words.Length;

    public string this[int index] => _words[index];

    /// <summary>The <see cref="Hash"/> of the word at <paramref name="index"/>.</summary>
    public int HashAt(int index) => _hashes[index];

    /// <summary>The index of <paramref name="word"/> (whose <see cref="Hash"/> is <paramref name="hash"/>) among the words, or -1.</summary>
    public int IndexOf(string word, int hash)
    {
        for (var slot = hash & (_slots.Length - 1); _slots[slot] != 0; slot = (slot + 1) & (_slots.Length - 1))
        {
            var k = _slots[slot] - 1;
            if (_hashes[k] == hash && string.Equals(_words[k], word, StringComparison.Ordinal)) return k;
        }
        return -1;
    }
}
