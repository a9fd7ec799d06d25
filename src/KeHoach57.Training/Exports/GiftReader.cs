using System.Text;

namespace KeHoach57.Training.Exports;

/// <summary>One question as a GIFT file states it.</summary>
/// <param name="Answers">Each answer with whether it is right ("=") and its own feedback ("#…"), if any.</param>
public sealed record GiftQuestion(string? Category, string? Title, string Text, IReadOnlyList<GiftAnswer> Answers, string? GeneralFeedback);

public sealed record GiftAnswer(string Text, bool Right, string? Feedback);

/// <summary>
/// Reads GIFT as Moodle's format documentation defines it, for the multiple-choice questions this project writes
/// and their neighbours: "//" comment lines, "$CATEGORY:" lines, questions separated by blank lines, an optional
/// "::title::", an optional "[format]", the answer block "{ … }" with "=" right and "~" wrong answers, "#" answer
/// feedback, "####" general feedback, and backslash escapes (\~ \= \# \{ \} \: \\ \n). Malformed text throws
/// <see cref="FormatException"/> naming the line.
/// </summary>
public static class GiftReader
{
    public static IReadOnlyList<GiftQuestion> Read(string gift)
    {
        var questions = new List<GiftQuestion>();
        string? category = null;
        var block = new StringBuilder();
        var blockLine = 0;
        var lines = gift.Replace("\r\n", "\n").Split('\n');
        for (var n = 0; n <= lines.Length; n++)
        {
            var line = n < lines.Length ? lines[n] : "";
            var trimmed = line.Trim();
            if (trimmed.StartsWith("//", StringComparison.Ordinal)) continue;
            if (block.Length == 0 && trimmed.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                category = trimmed["$CATEGORY:".Length..].Trim();
                continue;
            }
            if (trimmed.Length == 0)
            {
                if (block.Length > 0) questions.Add(Question(block.ToString(), category, blockLine));
                block.Clear();
                continue;
            }
            if (block.Length == 0) blockLine = n + 1;
            block.Append(line).Append('\n');
        }
        return questions;
    }

    private static GiftQuestion Question(string text, string? category, int line)
    {
        var at = 0;
        string? title = null;
        SkipSpace(text, ref at);
        if (text.AsSpan(at).StartsWith("::"))
        {
            var end = FindUnescaped(text, "::", at + 2) ?? throw Error(line, "tiêu đề \"::\" không được đóng");
            title = Unescape(text[(at + 2)..end]).Trim();
            at = end + 2;
        }
        SkipSpace(text, ref at);
        if (at < text.Length && text[at] == '[')
        {
            var close = text.IndexOf(']', at);
            if (close < 0) throw Error(line, "định dạng \"[\" không được đóng");
            at = close + 1;
        }
        var open = FindUnescaped(text, "{", at) ?? throw Error(line, "thiếu khối đáp án \"{ … }\"");
        var closeBrace = FindUnescaped(text, "}", open + 1) ?? throw Error(line, "khối đáp án \"{\" không được đóng");
        var stem = Unescape(text[at..open]).Trim();
        var after = text[(closeBrace + 1)..].Trim();
        if (after.Length > 0) stem = (stem + " _____ " + Unescape(after)).Trim();
        var (answers, general) = Answers(text[(open + 1)..closeBrace], line);
        if (stem.Length == 0) throw Error(line, "câu hỏi không có nội dung");
        return new GiftQuestion(category, title, stem, answers, general);
    }

    /// <summary>The answer block: "=" and "~" start answers, "#" starts an answer's feedback, "####" the general feedback.</summary>
    private static (List<GiftAnswer>, string?) Answers(string body, int line)
    {
        var answers = new List<GiftAnswer>();
        string? general = null;
        var generalAt = FindUnescaped(body, "####", 0);
        if (generalAt is { } g)
        {
            general = Unescape(body[(g + 4)..]).Trim();
            body = body[..g];
        }
        var starts = new List<int>();
        for (var i = 0; i < body.Length; i++)
        {
            if (IsEscape(body, i)) { i++; continue; }
            if (body[i] is '=' or '~') starts.Add(i);
        }
        if (starts.Count == 0 && body.Trim().Length > 0) throw Error(line, "đáp án phải bắt đầu bằng \"=\" hoặc \"~\"");
        if (starts.Count > 0 && body[..starts[0]].Trim().Length > 0) throw Error(line, "có chữ trước đáp án đầu tiên");
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? starts[k + 1] : body.Length;
            var raw = body[(starts[k] + 1)..end];
            string? feedback = null;
            if (FindUnescaped(raw, "#", 0) is { } hash)
            {
                feedback = Unescape(raw[(hash + 1)..]).Trim();
                raw = raw[..hash];
            }
            var answer = Unescape(raw).Trim();
            if (answer.Length == 0) throw Error(line, "có đáp án rỗng");
            answers.Add(new GiftAnswer(answer, body[starts[k]] == '=', feedback));
        }
        return (answers, general);
    }

    private static int? FindUnescaped(string text, string token, int from)
    {
        for (var i = from; i <= text.Length - token.Length; i++)
        {
            if (IsEscape(text, i)) { i++; continue; }
            if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0) return i;
        }
        return null;
    }

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // Only the format's special characters are escaped; a backslash before anything else is text.
            if (IsEscape(text, i))
            {
                i++;
                sb.Append(text[i] == 'n' ? '\n' : text[i]);
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>A backslash before one of the format's special characters (or "n"); before anything else it is text.</summary>
    private static bool IsEscape(string text, int i) =>
        text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '~' or '=' or '#' or '{' or '}' or ':' or '\\' or 'n';

    private static void SkipSpace(string text, ref int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
    }

    private static FormatException Error(int line, string what) => new($"GIFT dòng {line}: {what}.");
}
