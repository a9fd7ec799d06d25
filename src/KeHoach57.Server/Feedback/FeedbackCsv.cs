using System.Globalization;
using System.Text;
using KeHoach57.Conversations.Storage;

namespace KeHoach57.Server.Feedback;

/// <summary>CSV for the export, meant to be opened in a spreadsheet by the people who review feedback.</summary>
public static class FeedbackCsv
{
    public static string Write(IEnumerable<FeedbackEntry> entries)
    {
        var csv = new StringBuilder();
        csv.Append("id,created_at,conversation_id,answer_id,helpful,comment,question,answer,scope\r\n");
        foreach (var e in entries)
        {
            csv.Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(e.CreatedAt.ToString("O", CultureInfo.InvariantCulture))).Append(',')
                .Append(Cell(e.ConversationId)).Append(',')
                .Append(Cell(e.AnswerId)).Append(',')
                .Append(e.Helpful ? "1" : "0").Append(',')
                .Append(Cell(e.Comment)).Append(',')
                .Append(Cell(e.Question)).Append(',')
                .Append(Cell(e.Answer)).Append(',')
                .Append(Cell(e.Scope)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Quotes every text cell, and defuses cells a spreadsheet would run as a formula (comments are user input).</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
