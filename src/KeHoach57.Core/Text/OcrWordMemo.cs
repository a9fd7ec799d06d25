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
        var memo = t_memo ??= new Memo();
        memo.For(words);
        for (var k = 0; k < count; k++)
            if (!memo.Same(from + k, tokens[at + k].Term, floor)) return false;
        return true;
    }

    private sealed class Memo
    {
        // Tables this large are let go at the next list of words rather than kept for the thread's life.
        private const int KeepUpTo = 4_096;

        private IReadOnlyList<string>? _words;
        // One table of terms per word and floor (callers use one or two floors); emptied and reused for the next words.
        private readonly List<(int Word, double Floor, Dictionary<string, bool> Terms)> _slots = [];
        private int _used;

        public void For(IReadOnlyList<string> words)
        {
            if (ReferenceEquals(_words, words)) return;
            _words = words;
            for (var k = 0; k < _used; k++)
            {
                if (_slots[k].Terms.Count > KeepUpTo) _slots[k] = _slots[k] with { Terms = new Dictionary<string, bool>(StringComparer.Ordinal) };
                else _slots[k].Terms.Clear();
            }
            _used = 0;
        }

        public bool Same(int word, string term, double floor)
        {
            Dictionary<string, bool>? terms = null;
            for (var k = 0; k < _used && terms is null; k++)
                if (_slots[k].Word == word && _slots[k].Floor.Equals(floor)) terms = _slots[k].Terms;
            if (terms is null)
            {
                if (_used == _slots.Count) _slots.Add((word, floor, new Dictionary<string, bool>(StringComparer.Ordinal)));
                else _slots[_used] = _slots[_used] with { Word = word, Floor = floor };
                terms = _slots[_used++].Terms;
            }
            if (terms.TryGetValue(term, out var same)) return same;
            same = OcrDistance.SameWord(_words![word], term, floor);
            terms[term] = same;
            return same;
        }
    }
}
