using System.Security.Cryptography;
using System.Text;
using KeHoach57.Core.Text;
using KeHoach57.Ingestion.Documents;

namespace KeHoach57.Ingestion.Import;

/// <summary>
/// The hash of a plan's words: its headings, paragraphs and table rows, folded, with everything but
/// letters and digits left out. Line wrapping, spacing, punctuation, metadata and the file format do
/// not change it, so the same plan sent again (as .txt, or re-encoded) is known as a duplicate.
/// </summary>
public static class ContentFingerprint
{
    public static string Of(PlanDocument document)
    {
        var sb = new StringBuilder();
        foreach (var section in document.AllSections())
        {
            if (!section.IsSynthetic) Append(sb, section.Heading);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph p: Append(sb, p.Text); break;
                    case ListItem item: Append(sb, item.Text); break;
                    case Table table:
                        Append(sb, table.Header);
                        foreach (var row in table.Rows) Append(sb, row.Text);
                        break;
                }
            }
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static void Append(StringBuilder sb, string text)
    {
        foreach (var ch in VietnameseText.Fold(text))
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
    }
}
