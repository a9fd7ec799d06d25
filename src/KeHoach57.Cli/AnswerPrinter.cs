using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Cli;

/// <summary>
/// Shows an answer record to a person, compactly: the answer line, then one line per source (number, short
/// label, the quote cut to the terminal's width). Three sources and a wrapped answer stay within 8 lines.
/// </summary>
/// <param name="planName">How plan ids are named in the "why" view (SourceLabels.Plan).</param>
public sealed class AnswerPrinter(Terminal terminal, Func<string, string>? planName = null)
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

    /// <summary>"Vì sao có câu trả lời này?": how the question was understood and what the answer was chosen from, in plain Vietnamese.</summary>
    public void PrintWhy(AnswerRecord answer)
    {
        foreach (var section in KeHoach57.Training.Why.WhyView.Explain(answer, planName))
        {
            terminal.Line(new Styled(section.Title + ":", "bold"));
            foreach (var line in section.Lines) terminal.Line("  " + line);
        }
    }
}
