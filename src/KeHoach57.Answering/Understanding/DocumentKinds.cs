using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Understanding;

/// <summary>A kind of document: its folded name and abbreviations, and the letters its numbers carry ("NQ" in "57-NQ/TW").</summary>
public sealed record DocumentKind(string Name, IReadOnlyList<string[]> Forms, string Symbol);

/// <summary>The kinds of documents (documents.tsv beside this file), for plans named by kind and number and for "nghị quyết số mấy".</summary>
public sealed class DocumentKinds
{
    public IReadOnlyList<DocumentKind> All { get; }

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
    }

    public static DocumentKinds Default { get; } = new(DataLines.ReadEmbedded(typeof(DocumentKinds).Assembly, "KeHoach57.Answering.Understanding.documents.tsv"));

    /// <summary>The kind named at word <paramref name="i"/> and how many words it takes, or null.</summary>
    public (DocumentKind Kind, int Length)? At(IReadOnlyList<string> words, int i)
    {
        foreach (var kind in All)
            foreach (var form in kind.Forms.OrderByDescending(f => f.Length))
                if (i + form.Length <= words.Count && form.Select((w, k) => words[i + k] == w).All(x => x))
                    return (kind, form.Length);
        return null;
    }

    /// <summary>The kind a title starts with ("Kế hoạch hành động 261-KH/TU …" → kế hoạch hành động).</summary>
    public DocumentKind? OfTitle(string title)
    {
        var words = VietnameseText.Fold(title).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return At(words, 0)?.Kind;
    }
}
