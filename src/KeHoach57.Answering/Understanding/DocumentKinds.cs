using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Understanding;

/// <summary>A kind of document: its folded name and abbreviations, and the letters its numbers carry ("NQ" in "57-NQ/TW").</summary>
public sealed record DocumentKind(string Name, IReadOnlyList<string[]> Forms, string Symbol);

/// <summary>The kinds of documents (documents.tsv beside this file), for plans named by kind and number and for "nghị quyết số mấy".</summary>
public sealed class DocumentKinds
{
    public IReadOnlyList<DocumentKind> All { get; }

    // Each kind's forms, longest first (ties in their listed order), sorted once: At runs at every word of every question.
    private readonly string[][][] _formsLongestFirst;

    public DocumentKinds(string tsv)
    {
        var kinds = new List<DocumentKind>();
        foreach (var line in DataLines.Read(tsv))
        {
            var name = VietnameseText.Fold(line.Field(0));
            if (name.Length == 0) throw new InvalidDataException($"documents.tsv:{line.Number}: empty kind");
            var forms = new[] { name }.Concat(line.Field(1).Split('|').Select(VietnameseText.Fold).Where(f => f.Length > 0))
                .Select(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            kinds.Add(new DocumentKind(name, forms, line.Field(2)));
        }
        // Longer names first, so "kế hoạch hành động" is found before "kế hoạch".
        All = kinds.OrderByDescending(k => k.Forms.Max(f => f.Length)).ToList();
        _formsLongestFirst = All.Select(k => k.Forms.OrderByDescending(f => f.Length).ToArray()).ToArray();
    }

    public static DocumentKinds Default { get; } = new(DataLines.ReadEmbedded(typeof(DocumentKinds).Assembly, "KeHoach57.Answering.Understanding.documents.tsv"));

    /// <summary>The kind named at word <paramref name="i"/> and how many words it takes, or null.</summary>
    public (DocumentKind Kind, int Length)? At(IReadOnlyList<string> words, int i)
    {
        for (var n = 0; n < All.Count; n++)
            foreach (var form in _formsLongestFirst[n])
                if (i + form.Length <= words.Count && StartsAt(words, i, form))
                    return (All[n], form.Length);
        return null;
    }

    private static bool StartsAt(IReadOnlyList<string> words, int i, string[] form)
    {
        for (var k = 0; k < form.Length; k++)
            if (words[i + k] != form[k]) return false;
        return true;
    }

    /// <summary>The kind a title starts with ("Kế hoạch hành động 261-KH/TU …" → kế hoạch hành động).</summary>
    public DocumentKind? OfTitle(string title)
    {
        var words = VietnameseText.Fold(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return At(words, 0)?.Kind;
    }
}
