namespace KeHoach57.Core.Text;

/// <summary>
/// <see cref="OcrDistance.SameWordsAt"/> for a caller that compares the same few words (a question's lead words) with
/// every token of many clauses: whether a word reads as a term is worked out once per word, floor and term, and kept
/// while the same word list is asked about on this thread. The answer is the same as <see cref="OcrDistance.SameWordsAt"/>'s
/// (it depends only on the two words and the floor); a question is answered on one thread, and another list of words
/// starts afresh. The list must not change while it is asked about.
/// </summary>
public static class OcrWordMemo
{
    [ThreadStatic] private static Memo? t_memo;

    public static bool SameWordsAt(IReadOnlyList<string> words, int from, int count, IReadOnlyList<Token> tokens, int at, double floor = 0)
    {
        if (at + count > tokens.Count) return false;
        var memo = t_memo;
        if (memo is null || !ReferenceEquals(memo.Words, words)) t_memo = memo = new Memo(words);
        for (var k = 0; k < count; k++)
            if (!memo.Same(from + k, tokens[at + k].Term, floor)) return false;
        return true;
    }

    private sealed class Memo(IReadOnlyList<string> words)
    {
        public IReadOnlyList<string> Words { get; } = words;

        // By floor (callers use one or two), then by word: the terms already compared with that word.
        private readonly List<(double Floor, Dictionary<string, bool>?[] ByWord)> _byFloor = [];

        public bool Same(int word, string term, double floor)
        {
            Dictionary<string, bool>?[]? byWord = null;
            foreach (var (f, known) in _byFloor)
                if (f.Equals(floor)) { byWord = known; break; }
            if (byWord is null) _byFloor.Add((floor, byWord = new Dictionary<string, bool>?[Words.Count]));
            var terms = byWord[word] ??= new Dictionary<string, bool>(StringComparer.Ordinal);
            if (terms.TryGetValue(term, out var same)) return same;
            same = OcrDistance.SameWord(Words[word], term, floor);
            terms[term] = same;
            return same;
        }
    }
}
