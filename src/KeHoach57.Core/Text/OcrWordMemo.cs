namespace KeHoach57.Core.Text;

/// <summary>
/// <see cref="OcrDistance.SameWordsAt"/> for a caller that compares the same few words (a question's lead words) with
/// every token of many clauses: whether a word reads as a term is worked out once per word, floor and term, and kept
/// on this thread for the next questions too (their lead words come back: "nhiệm vụ", "đơn vị", "huyện"). The answer is
/// the same as <see cref="OcrDistance.SameWordsAt"/>'s (it depends only on the two words and the floor); a question is
/// answered on one thread. The list must not change while it is asked about.
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
        // Terms kept over all words on this thread: past it they are let go and worked out again.
        private const int KeepUpTo = 100_000;

        private readonly Dictionary<(string Word, double Floor), Dictionary<string, bool>> _byWord = [];
        private int _kept;
        private IReadOnlyList<string>? _words;
        // The current list's tables by word index and floor (callers use one or two floors), so a token costs one lookup.
        private readonly List<(int Word, double Floor, Dictionary<string, bool> Terms)> _slots = [];

        public void For(IReadOnlyList<string> words)
        {
            if (ReferenceEquals(_words, words)) return;
            _words = words;
            _slots.Clear();
        }

        public bool Same(int word, string term, double floor)
        {
            Dictionary<string, bool>? terms = null;
            for (var k = 0; k < _slots.Count && terms is null; k++)
                if (_slots[k].Word == word && _slots[k].Floor.Equals(floor)) terms = _slots[k].Terms;
            terms ??= Table(word, floor);
            if (terms.TryGetValue(term, out var same)) return same;
            same = OcrDistance.SameWord(_words![word], term, floor);
            if (_kept >= KeepUpTo)
            {
                _byWord.Clear();
                _slots.Clear();
                _kept = 0;
                terms = Table(word, floor);
            }
            terms[term] = same;
            _kept++;
            return same;
        }

        private Dictionary<string, bool> Table(int word, double floor)
        {
            var key = (_words![word], floor);
            if (!_byWord.TryGetValue(key, out var terms)) _byWord[key] = terms = new Dictionary<string, bool>(StringComparer.Ordinal);
            _slots.Add((word, floor, terms));
            return terms;
        }
    }
}
