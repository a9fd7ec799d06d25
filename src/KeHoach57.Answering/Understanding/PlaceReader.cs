using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Understanding;

/// <summary>The places a question names: plans of this corpus (by locality, or by kind and number), and places with no plan.</summary>
/// <param name="PlanIds">Plans named, in the order the question names them.</param>
/// <param name="Unindexed">Places named that have no plan here, as typed ("tỉnh Nghệ An").</param>
/// <param name="Words">Which words of the question name them, and those that compare two plans it names ("lần lượt", "khác nhau").</param>
/// <param name="ByNumber">Plans named by their kind and own number ("KH 44").</param>
/// <param name="ThisPlan">The question says "kế hoạch này", "quyết định này": the plan in scope itself.</param>
public sealed record PlacesNamed(IReadOnlyList<string> PlanIds, IReadOnlyList<string> Unindexed, IReadOnlySet<int> Words, IReadOnlyList<string> ByNumber, bool ThisPlan);

/// <summary>
/// Finds places in a question. A plan's own locality ("xã Yên Hòa") or its number with its kind ("KH 44",
/// "Quyết định 536") names that plan. A province from places.tsv, or a capitalised name after a level word
/// ("xã Tân Lập"), that no plan is for, names a place with no plan: the question is not answered from
/// another place's plan.
/// </summary>
public sealed class PlaceReader
{
    private readonly List<(string DocId, string[] Name)> _localities = [];
    private readonly List<(string DocId, DocumentKind Kind, string Number, string[] Symbol)> _numbers = [];
    private readonly List<string[]> _provinces = [];
    private readonly List<(string[] Folded, string[] Marked)> _levels = [];
    private readonly HashSet<string> _notNames = new(StringComparer.Ordinal);
    private readonly List<string[]> _comparisons = [];
    private readonly DocumentKinds _kinds;

    public PlaceReader(Corpus corpus, DocumentKinds kinds, string? tsv = null)
    {
        _kinds = kinds;
        foreach (var line in DataLines.Read(tsv ?? DataLines.ReadEmbedded(typeof(PlaceReader).Assembly, "KeHoach57.Answering.Understanding.places.tsv")))
        {
            var words = Words(line.Field(0));
            switch (line.Field(1))
            {
                case "level": _levels.Add((words, line.Field(0).Split(' ').Select(VietnameseText.MarkKey).ToArray())); break;
                case "not-a-name": _notNames.Add(string.Join(' ', words)); break;
                case "province": _provinces.Add(words); break;
                case "comparison": _comparisons.Add(words); break;
                default: throw new InvalidDataException($"places.tsv:{line.Number}: unknown role \"{line.Field(1)}\"");
            }
        }
        _levels.Sort((a, b) => b.Folded.Length.CompareTo(a.Folded.Length));
        foreach (var doc in corpus.Documents)
        {
            var names = new List<string[]> { Words(doc.Info.Id.Replace('-', ' ')) };
            if (doc.Info.Locality.Length > 0) names.Add(StripLevel(Words(doc.Info.Locality)));
            foreach (var name in names.Where(n => n.Length > 0 && string.Join(' ', n).Length >= 3).DistinctBy(n => string.Join(' ', n)))
                _localities.Add((doc.Info.Id, name));
            var number = new string(doc.Info.Number.TakeWhile(char.IsDigit).ToArray());
            if (number.Length > 0 && kinds.OfTitle(doc.Info.Title) is { } kind)
                _numbers.Add((doc.Info.Id, kind, number, Words(doc.Info.Number)));
        }
    }

    private static string[] Words(string text) => VietnameseText.Fold(text).Split([' ', '-', '/', '.', ','], StringSplitOptions.RemoveEmptyEntries);

    private string[] StripLevel(string[] words)
    {
        foreach (var (level, _) in _levels)
            if (words.Length > level.Length && StartsWith(words, 0, level)) return words[level.Length..];
        return words;
    }

    /// <param name="text">The question as typed (capitals tell a place name after a level word).</param>
    /// <param name="words">Its folded words, as typed.</param>
    public PlacesNamed Read(string text, IReadOnlyList<Token> words)
    {
        var folded = words.Select(w => w.Term).ToList();
        var surfaces = words.Select(w => text.Substring(w.Start, w.Length)).ToList();
        // Typed with diacritics, "xa" is not "xã" ("xa" far, "Xã hội" aside); typed without, it may be.
        var marked = VietnameseText.TypedWithMarks(surfaces) ? surfaces.Select(VietnameseText.MarkKey).ToList() : null;
        var plans = new List<(int At, string DocId)>();
        var unindexed = new List<(int At, string Name)>();
        var used = new HashSet<int>();
        var byNumber = new List<string>();
        var thisPlan = false;

        foreach (var (docId, name) in _localities)
            for (var i = 0; i + name.Length <= folded.Count; i++)
                if (StartsWith(folded, i, name))
                {
                    plans.Add((i, docId));
                    Mark(used, i, name.Length);
                    var start = i;
                    if (i > 0 && LevelEndingAt(folded, marked, i) is { } level) Mark(used, start = i - level, level);
                    if (KindEndingAt(folded, start) is { } kind) Mark(used, start - kind, kind);
                }

        // "KH 44", "Kế hoạch số 44/KH-UBND", "Quyết định 536": a kind of document, then the plan's own number.
        for (var i = 0; i < folded.Count; i++)
        {
            if (_kinds.At(folded, i) is not { } kind) continue;
            var j = i + kind.Length;
            if (j < folded.Count && folded[j] == "nay") thisPlan = true;
            if (j < folded.Count && folded[j] == "so") j++;
            if (j >= folded.Count) continue;
            foreach (var (docId, _, number, _) in _numbers.Where(n => n.Kind.Symbol == kind.Kind.Symbol || kind.Kind.Symbol.Length == 0))
                if (folded[j].TrimStart('0') == number.TrimStart('0'))
                {
                    plans.Add((i, docId));
                    byNumber.Add(docId);
                    // "KH 44/KH-UBND": the symbol after the number is part of the name.
                    var end = j + 1;
                    var symbol = _numbers.First(n => n.DocId == docId).Symbol;
                    for (var s = 1; s < symbol.Length && end < folded.Count && folded[end] == symbol[s]; s++) end++;
                    Mark(used, i, end - i);
                }
        }

        foreach (var province in _provinces)
            for (var i = 0; i + province.Length <= folded.Count; i++)
            {
                if (!StartsWith(folded, i, province) || used.Contains(i)) continue;
                // A province names the asker's place when introduced as one ("tỉnh Nghệ An", "ở Nghệ An", "của Nghệ An")
                // or when the question opens with it; "Đại học Quốc gia Hà Nội" only mentions it.
                var level = LevelEndingAt(folded, marked, i);
                var introduced = level is not null || i == 0 || i > 0 && folded[i - 1] is "o" or "cua" or "tai" or "voi" or "va";
                if (!introduced) continue;
                var start = i - (level ?? 0);
                unindexed.Add((start, Surface(text, words, start, i + province.Length)));
                Mark(used, start, i + province.Length - start);
            }

        // "xã Tân Lập": a level word, then capitalised words that name no plan here.
        for (var i = 0; i < folded.Count; i++)
        {
            var level = LevelAt(folded, marked, i);
            if (level is null || used.Contains(i)) continue;
            var j = i + level.Value;
            var end = j;
            while (end < words.Count && end - j < 4 && IsTitle(surfaces[end]) && !_notNames.Contains(folded[end])) end++;
            if (end == j || _notNames.Contains(folded[j])) continue;
            // A name shared with a plan's locality is that plan, whatever follows it.
            if (_localities.Any(l => StartsWith(folded, j, l.Name))) continue;
            unindexed.Add((i, Surface(text, words, i, end)));
            Mark(used, i, end - i);
        }

        var planIds = plans.OrderBy(p => p.At).Select(p => p.DocId).Distinct().ToList();
        // "… ở Bắc Giang và ở Hưng Yên khác nhau thế nào?": each plan is asked the question on its own, and no plan's
        // clause says "khác nhau" or "lần lượt" about its own answer.
        if (planIds.Count >= 2)
            foreach (var phrase in _comparisons)
                for (var i = 0; i + phrase.Length <= folded.Count; i++)
                    if (StartsWith(folded, i, phrase) && !Enumerable.Range(i, phrase.Length).Any(used.Contains))
                        Mark(used, i, phrase.Length);

        return new PlacesNamed(
            planIds,
            unindexed.OrderBy(u => u.At).Select(u => u.Name).Distinct().ToList(),
            used,
            byNumber.Distinct().ToList(),
            thisPlan);
    }

    /// <summary>
    /// "KH xã Yên Hòa", "KHHĐ tỉnh Thái Nguyên", "quyết định của xã Trường Giang": a kind of document (with or without
    /// "của") right before a plan's place is part of that plan's name, not something the clause must say.
    /// </summary>
    private int? KindEndingAt(IReadOnlyList<string> words, int i)
    {
        var end = i > 0 && words[i - 1] == "cua" ? i - 1 : i;
        for (var start = Math.Max(0, end - 4); start < end; start++)
            if (_kinds.At(words, start) is { } kind && start + kind.Length == end) return i - start;
        return null;
    }

    private int? LevelAt(IReadOnlyList<string> words, IReadOnlyList<string>? marked, int i)
    {
        foreach (var (level, marks) in _levels)
            if (StartsWith(words, i, level) && (marked is null || StartsWith(marked, i, marks))) return level.Length;
        return null;
    }

    private int? LevelEndingAt(IReadOnlyList<string> words, IReadOnlyList<string>? marked, int i)
    {
        foreach (var (level, _) in _levels)
            if (i - level.Length >= 0 && LevelAt(words, marked, i - level.Length) == level.Length) return level.Length;
        return null;
    }

    /// <summary>"Nghệ", "An": a name's word. "DTI", "(KH" are not.</summary>
    private static bool IsTitle(string word) =>
        char.IsUpper(word[0]) && (word.Length == 1 || word.Skip(1).Any(char.IsLower));

    private static string Surface(string text, IReadOnlyList<Token> words, int from, int to) =>
        text[words[from].Start..words[to - 1].End];

    private static void Mark(HashSet<int> used, int from, int count)
    {
        for (var k = from; k < from + count; k++) used.Add(k);
    }

    private static bool StartsWith(IReadOnlyList<string> words, int i, string[] name)
    {
        if (i + name.Length > words.Count) return false;
        for (var k = 0; k < name.Length; k++)
            if (words[i + k] != name[k]) return false;
        return true;
    }
}
