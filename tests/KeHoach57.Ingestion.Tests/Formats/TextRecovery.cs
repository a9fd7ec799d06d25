using System.Text;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Tests.Formats;

/// <summary>
/// How much of a plan's text an import from another format gives back: the longest common subsequence of
/// the two texts' characters (spaces left out, so re-wrapping costs nothing), over the reference's length.
/// </summary>
public static class TextRecovery
{
    /// <summary>Headings, paragraphs, list items and table rows of the plan, in order: what the assistant reads.</summary>
    public static string Body(PlanDocument document)
    {
        var sb = new StringBuilder();
        foreach (var section in document.AllSections())
        {
            if (!section.IsSynthetic) sb.Append(section.Heading).Append('\n');
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p: sb.Append(p.Text).Append('\n'); break;
                    case ListItem item: sb.Append(item.Text).Append('\n'); break;
                    case Table table:
                        foreach (var row in table.Rows) sb.Append(row.Text).Append('\n');
                        break;
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>Characters of <paramref name="reference"/> found, in order, in <paramref name="candidate"/> (0..1).</summary>
    public static double CharacterRecall(string reference, string candidate)
    {
        var a = NonSpace(reference);
        var b = NonSpace(candidate);
        return a.Length == 0 ? 1 : (double)Lcs(a, b) / a.Length;
    }

    private static string NonSpace(string text) =>
        new(text.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>Bit-parallel LCS length (Allison–Dix / Hyyrö): |b| passes over |a|/64 words.</summary>
    private static int Lcs(string a, string b)
    {
        var words = (a.Length + 63) / 64;
        var masks = new Dictionary<char, ulong[]>();
        for (var i = 0; i < a.Length; i++)
        {
            if (!masks.TryGetValue(a[i], out var m)) masks[a[i]] = m = new ulong[words];
            m[i / 64] |= 1UL << (i % 64);
        }
        var v = new ulong[words];
        Array.Fill(v, ulong.MaxValue);
        var empty = new ulong[words];
        foreach (var ch in b)
        {
            var m = masks.TryGetValue(ch, out var found) ? found : empty;
            ulong carry = 0;
            for (var w = 0; w < words; w++)
            {
                var u = v[w] & m[w];
                var sum = v[w] + u + carry;
                carry = sum < v[w] || (carry == 1 && sum == v[w]) ? 1UL : 0UL;
                v[w] = sum | (v[w] - u);
            }
        }
        var zeros = 0;
        for (var i = 0; i < a.Length; i++)
            if ((v[i / 64] & (1UL << (i % 64))) == 0) zeros++;
        return zeros;
    }
}
