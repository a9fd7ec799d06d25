using System.Text;
using KeHoach57.Answering.Extraction;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Composition;

/// <summary>
/// Writes the reply in Vietnamese Markdown: the answer first (one short line, what the eval and a
/// busy official read), the supporting clause, then numbered sources with document › section and quote.
/// Organisation names print in their proper form; quotes keep the source text as it is.
/// </summary>
public sealed class AnswerComposer(AnswerText display)
{
    private const int ClauseChars = 320;

    public string Lead(ExtractedAnswer extracted)
    {
        if (extracted.Parts.Count == 0)
            return (extracted.Focus is null ? "" : "… ") + Shorten(display.ForAnswer(Tidy(extracted.Focus ?? extracted.Clause), extracted.Chunk.DocId), ClauseChars);
        var lead = string.Join("; ", extracted.Parts.Select(p => p.Quoted ? Shorten(display.ForAnswer(Tidy(p.Display), extracted.Chunk.DocId), ClauseChars) : p.Display));
        return char.ToUpper(lead[0]) + lead[1..];
    }

    public string Answer(string lead, ExtractedAnswer extracted, string? documentName, IReadOnlyList<Citation> citations)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(lead.TrimEnd('.')).Append(".** [1]");
        if (extracted.Parts.Count > 0)
        {
            sb.Append("\n\n").Append(documentName is null ? "Căn cứ" : $"Theo {documentName}").Append(": “")
              .Append(Shorten(display.ForAnswer(Tidy(extracted.Clause), extracted.Chunk.DocId), ClauseChars)).Append("”");
        }
        else if (documentName is not null)
        {
            sb.Append("\n\n(Theo ").Append(documentName).Append(".)");
        }
        AppendSources(sb, citations);
        return sb.ToString();
    }

    /// <summary>A fact stated outright (from a plan's own header), with its source.</summary>
    public string Facts(string lead, IReadOnlyList<Citation> citations)
    {
        var sb = new StringBuilder("**").Append(lead.TrimEnd('.')).Append(".** [1]");
        AppendSources(sb, citations);
        return sb.ToString();
    }

    /// <param name="lines">One line per plan; <c>Citation</c> 0 when that plan does not answer (no source to mark).</param>
    public string Combined(IReadOnlyList<(string Name, string Lead, int Citation)> lines, IReadOnlyList<Citation> citations)
    {
        var sb = new StringBuilder();
        foreach (var (name, lead, n) in lines)
        {
            sb.Append("- **").Append(name).Append("**: ").Append(lead.TrimEnd('.')).Append('.');
            if (n > 0) sb.Append(" [").Append(n).Append(']');
            sb.Append('\n');
        }
        AppendSources(sb, citations);
        return sb.ToString().TrimEnd();
    }

    public string Refusal(IReadOnlyList<Citation> closest, string? reason = null)
    {
        var sb = new StringBuilder(reason ?? "Các kế hoạch hiện có không nêu thông tin này.");
        if (closest.Count > 0)
        {
            sb.Append(" Dưới đây là những đoạn gần nhất để bạn tự đối chiếu.");
            AppendSources(sb, closest, heading: "Đoạn gần nhất");
        }
        return sb.ToString();
    }

    /// <summary>The reply without its sources section.</summary>
    public static string Body(string markdown)
    {
        var cut = markdown.IndexOf("\n\n**", StringComparison.Ordinal);
        while (cut >= 0 && !(markdown.AsSpan(cut + 4).StartsWith("Nguồn:") || markdown.AsSpan(cut + 4).StartsWith("Đoạn gần nhất:")))
            cut = markdown.IndexOf("\n\n**", cut + 1, StringComparison.Ordinal);
        return (cut < 0 ? markdown : markdown[..cut]).TrimEnd();
    }

    private static void AppendSources(StringBuilder sb, IReadOnlyList<Citation> citations, string heading = "Nguồn")
    {
        if (citations.Count == 0) return;
        sb.Append("\n\n**").Append(heading).Append(":**");
        for (var i = 0; i < citations.Count; i++)
        {
            var c = citations[i];
            sb.Append("\n[").Append(i + 1).Append("] ").Append(c.Title);
            if (c.Section.Length > 0) sb.Append(" › ").Append(c.Section);
            sb.Append(": “").Append(Shorten(Tidy(c.Quote), 240)).Append("”");
        }
    }

    private static string Tidy(string text) => VietnameseText.CollapseSpaces(text.Replace('|', ' ')).Trim(' ', ',', ';', '-', ':');

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..text.LastIndexOf(' ', max)] + " …";
}
