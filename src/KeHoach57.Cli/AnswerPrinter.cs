using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Cli;

/// <summary>
/// Shows an answer record to a person, compactly: the answer line, then one line per source (number, short
/// label, the quote cut to the terminal's width). Three sources and a wrapped answer stay within 8 lines.
/// </summary>
public sealed class AnswerPrinter(Terminal terminal)
{
    /// <summary>A quote is never cut shorter than this, even beside a long label on a narrow terminal.</summary>
    private const int MinQuoteChars = 40;

    public void Print(AnswerRecord answer)
    {
        if (answer.Error is not null)
        {
            terminal.Line(new Styled(answer.Line, "red"));
            return;
        }
        // A refusal's line already says that the passages below are only the nearest ones.
        terminal.Line(answer.Answered ? new Styled(answer.Line, "bold green") : new Styled(answer.Line, "yellow"));
        var n = 0;
        foreach (var c in answer.Citations)
        {
            n++;
            var number = $"[{n}] ";
            var label = SourceText.Label(c);
            var note = SourceText.IsRestored(c) ? $" ({SourceText.RestoredNote})" : "";
            // Two spaces and the quotation marks beside the label; the rest of the line is the quote's.
            var room = Math.Max(MinQuoteChars, terminal.Width - number.Length - label.Length - note.Length - 5);
            terminal.Line(new Styled(number, "grey"), new Styled(label, "bold"), "  ",
                new Styled("“" + SourceText.Quote(c, room) + "”", "italic"), new Styled(note, "grey"));
        }
    }

    /// <summary>How the question was understood and what the answer was chosen from.</summary>
    public void PrintWhy(AnswerRecord answer)
    {
        if (answer.Trace is not { } t) return;
        Labelled("Hỏi về", string.Join(", ", t.Asks));
        Labelled("Chủ đề", string.Join(" ", t.Subject));
        if (t.Places.Count > 0) Labelled("Nơi được nêu", string.Join(", ", t.Places));
        Labelled("Phạm vi", t.Scope ?? "tất cả kế hoạch");
        foreach (var p in t.Considered)
            terminal.Line(new Styled($"  {p.Score,8:0.000} ", "grey"), p.Label, new Styled($" ({p.ChunkId})", "grey"));
        if (t.ChosenClause is { } clause) Labelled("Câu được chọn", "“" + Excerpts.OneLine(clause, 300) + "”");
        Labelled("Độ tin cậy", $"{answer.Confidence:0.000}  " + string.Join("  ", t.Features.Select(f => $"{f.Key}={f.Value:0.###}")));
        if (answer.RefusalReason is { } reason) Labelled("Lý do từ chối", reason);
    }

    private void Labelled(string label, string value) => terminal.Line(new Styled(label + ":", "grey"), " " + value);
}
