using KeHoach57.Core.Text;

namespace KeHoach57.Core.Answers;

/// <summary>
/// How every surface (terminal, widget, Telegram, Zalo) names, quotes and links a source of an
/// <see cref="AnswerRecord"/>, so they all say the same thing. A quote read back into proper Vietnamese is
/// a reading, not the source: surfaces that show <see cref="Citation.Restored"/> mark it with <see cref="RestoredNote"/>.
/// </summary>
public static class SourceText
{
    /// <summary>Heading of the sources of an answer.</summary>
    public const string AnsweredHeading = "Nguồn";

    /// <summary>Heading of the passages a refusal shows: they are near the question, not an answer to it.</summary>
    public const string RefusedHeading = "Đoạn gần nhất";

    /// <summary>The words of the link (or button) that opens the source page at the passage.</summary>
    public const string OpenSource = "Xem văn bản gốc";

    /// <summary>Said next to a quote shown with its diacritics restored.</summary>
    public const string RestoredNote = "đã thêm dấu";

    public static string Heading(AnswerRecord answer) => answer.Answered ? AnsweredHeading : RefusedHeading;

    /// <summary>"KH xã Yên Hòa › III.1"; the plan title (and section) when the record has no short label.</summary>
    public static string Label(Citation citation) =>
        citation.Label.Length > 0 ? citation.Label
        : citation.Section.Length > 0 ? $"{citation.Title} › {citation.Section}"
        : citation.Title.Length > 0 ? citation.Title : citation.Doc;

    /// <summary>Whether <see cref="Quote"/> shows a restored reading rather than the source's own text.</summary>
    public static bool IsRestored(Citation citation) =>
        !string.IsNullOrWhiteSpace(citation.Restored) && citation.Restored != citation.Quote;

    /// <summary>The quote as people read it: the restored reading when there is one, else the source's text, on one line.</summary>
    public static string Quote(Citation citation) =>
        VietnameseText.CollapseSpaces(IsRestored(citation) ? citation.Restored! : citation.Quote);

    /// <summary>The quote shortened to <paramref name="max"/> characters at a word.</summary>
    public static string Quote(Citation citation, int max) => Excerpts.Shorten(Quote(citation), max);

    /// <summary>
    /// The source page, relative to the server: "/documents/{doc}?highlight={anchor}#chunk-{anchor}". Both the
    /// query (kept across redirects, which drop fragments) and the fragment (the browser scrolls there, and CSS
    /// :target marks it without script) name the passage.
    /// </summary>
    public static string PassagePath(string chunkId)
    {
        var slash = chunkId.IndexOf('/');
        if (slash < 0) return DocumentPath(chunkId);
        var anchor = Uri.EscapeDataString(chunkId[(slash + 1)..]);
        return $"{DocumentPath(chunkId[..slash])}?highlight={anchor}#chunk-{anchor}";
    }

    public static string DocumentPath(string docId) => "/documents/" + Uri.EscapeDataString(docId);

    /// <summary>The source page as an absolute address under <paramref name="site"/> (where people reach the server,
    /// possibly under a path: "https://example.gov.vn/tro-ly/").</summary>
    public static Uri PassageUrl(Uri site, string chunkId) =>
        new(site.AbsoluteUri.EndsWith('/') ? site : new Uri(site.AbsoluteUri + "/"), PassagePath(chunkId).TrimStart('/'));
}
