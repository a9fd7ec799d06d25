using System.Text;
using System.Text.RegularExpressions;
using KeHoach57.Core.Text;

namespace KeHoach57.Ingestion.Markdown;

/// <summary>The few escapes that keep OCR text from being read back as Markdown syntax, and anchor slugs.</summary>
public static partial class MarkdownText
{
    private const string LineStartSyntax = "#|>-+*\\";

    public static string EscapeLineStart(string text) =>
        text.Length > 0 && LineStartSyntax.Contains(text[0]) ? "\\" + text : text;

    public static string UnescapeLineStart(string text) =>
        text.Length > 1 && text[0] == '\\' && LineStartSyntax.Contains(text[1]) ? text[1..] : text;

    public static string EscapeCell(string text) => text.Replace("|", "\\|");

    public static IReadOnlyList<string> SplitRow(string line) =>
        UnescapedPipe().Split(line.Trim().TrimStart('|').TrimEnd('|')).Select(c => c.Trim().Replace("\\|", "|")).ToList();

    /// <summary>Lower-case ASCII words joined by '-': safe as a URL fragment and as a chunk id part.</summary>
    public static string Slug(string text, int maxWords = int.MaxValue)
    {
        var sb = new StringBuilder();
        foreach (var word in NonAlphanumeric().Split(VietnameseText.Fold(text)).Where(w => w.Length > 0).Take(maxWords))
            sb.Append(sb.Length > 0 ? "-" : "").Append(word);
        return sb.ToString();
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
