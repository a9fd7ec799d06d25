using System.Text;
using KeHoach57.Core.Documents;

namespace KeHoach57.Ingestion.Markdown;

/// <summary>
/// The YAML front matter of corpus/&lt;id&gt;.md, limited to what <see cref="DocumentInfo"/> holds: flat
/// "key: value" lines, values double-quoted when written. Anything richer is reported as broken.
/// </summary>
public static class FrontMatter
{
    public const string Fence = "---";

    public static string Write(DocumentInfo info)
    {
        var sb = new StringBuilder();
        sb.Append(Fence).Append('\n');
        foreach (var (key, value) in Fields(info)) sb.Append(key).Append(": ").Append(Quote(value)).Append('\n');
        sb.Append(Fence).Append('\n');
        return sb.ToString();
    }

    /// <summary>Splits "---\nkey: value\n---\nbody" into its fields and the body; no front matter gives no fields.</summary>
    /// <exception cref="FormatException">An opening fence without a closing one, or a line that is not "key: value".</exception>
    public static (Dictionary<string, string> Fields, string Body) Split(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!text.StartsWith(Fence + "\n", StringComparison.Ordinal)) return (fields, text);
        var close = text.IndexOf("\n" + Fence + "\n", Fence.Length, StringComparison.Ordinal);
        if (close < 0 && text.EndsWith("\n" + Fence, StringComparison.Ordinal)) close = text.Length - Fence.Length - 1;
        if (close < 0) throw new FormatException("front matter is not closed by '---'");
        foreach (var line in text[(Fence.Length + 1)..close].Split('\n'))
        {
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[..colon].Trim().Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '-')))
                throw new FormatException($"front matter line is not 'key: value': {line}");
            fields[line[..colon].Trim()] = Unquote(line[(colon + 1)..].Trim());
        }
        var bodyStart = Math.Min(text.Length, close + Fence.Length + 2);
        return (fields, text[bodyStart..]);
    }

    public static DocumentInfo ToInfo(Dictionary<string, string> fields, string fallbackId)
    {
        string Get(string key) => fields.TryGetValue(key, out var v) ? v : "";
        var id = Get("id") is { Length: > 0 } given ? given : fallbackId;
        return new DocumentInfo(id, Get("title") is { Length: > 0 } title ? title : id,
            Get("issuer"), Get("number"), Get("date"), Get("locality"), Get("level"), Get("source"));
    }

    private static IEnumerable<(string, string)> Fields(DocumentInfo info) =>
    [
        ("id", info.Id), ("title", info.Title), ("issuer", info.Issuer), ("number", info.Number),
        ("date", info.Date), ("locality", info.Locality), ("level", info.Level), ("source", info.Source),
    ];

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'') return value[1..^1].Replace("''", "'");
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            if (value.StartsWith('"') || value.StartsWith('\'')) throw new FormatException($"unterminated quoted value: {value}");
            return value;
        }
        var sb = new StringBuilder();
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1) i++;
            sb.Append(value[i]);
        }
        return sb.ToString();
    }
}
