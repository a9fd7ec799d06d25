using KeHoach57.Core.Text;

namespace KeHoach57.Conversations.Channels;

public enum ChannelCommandKind
{
    Question,
    Start,
    Help,
    Scope,
    Sources,
    /// <summary>A slash command this assistant does not know.</summary>
    Unknown,
    /// <summary>"/cmd@otherbot" in a group: meant for another bot, so say nothing.</summary>
    NotForMe,
}

/// <param name="Argument">The question for <see cref="ChannelCommandKind.Question"/>, the document id (or empty) for
/// <see cref="ChannelCommandKind.Scope"/>, the command name for <see cref="ChannelCommandKind.Unknown"/>.</param>
public sealed record ChannelCommand(ChannelCommandKind Kind, string Argument = "");

/// <summary>
/// Reads what a person typed into a command, the same way for every channel: Telegram's "/phamvi@bot id",
/// and the plain keywords Zalo users type ("phạm vi id", "nguồn", "trợ giúp", with or without diacritics).
/// </summary>
public static class ChannelCommands
{
    private static readonly Dictionary<string, ChannelCommandKind> SlashNames = new(StringComparer.Ordinal)
    {
        ["start"] = ChannelCommandKind.Start,
        ["batdau"] = ChannelCommandKind.Start,
        ["help"] = ChannelCommandKind.Help,
        ["trogiup"] = ChannelCommandKind.Help,
        ["huongdan"] = ChannelCommandKind.Help,
        ["phamvi"] = ChannelCommandKind.Scope,
        ["scope"] = ChannelCommandKind.Scope,
        ["nguon"] = ChannelCommandKind.Sources,
        ["sources"] = ChannelCommandKind.Sources,
    };

    // Whole-message keywords, compared folded (no diacritics, lower case, no trailing punctuation).
    private static readonly Dictionary<string, ChannelCommandKind> Keywords = new(StringComparer.Ordinal)
    {
        ["start"] = ChannelCommandKind.Start,
        ["bat dau"] = ChannelCommandKind.Start,
        ["xin chao"] = ChannelCommandKind.Start,
        ["chao"] = ChannelCommandKind.Start,
        ["chao ban"] = ChannelCommandKind.Start,
        ["hello"] = ChannelCommandKind.Start,
        ["hi"] = ChannelCommandKind.Start,
        ["help"] = ChannelCommandKind.Help,
        ["tro giup"] = ChannelCommandKind.Help,
        ["huong dan"] = ChannelCommandKind.Help,
        ["nguon"] = ChannelCommandKind.Sources,
        ["xem nguon"] = ChannelCommandKind.Sources,
        ["trich dan"] = ChannelCommandKind.Sources,
        ["nguon trich dan"] = ChannelCommandKind.Sources,
    };

    /// <summary>Words that, as a scope argument, mean "no scope: all plans".</summary>
    private static readonly HashSet<string> AllPlans = new(StringComparer.Ordinal) { "tat ca", "all", "*", "bo", "xoa", "huy" };

    /// <param name="botUsername">The bot's own @username (without @), to tell "/help@us" from "/help@someoneelse".</param>
    public static ChannelCommand Parse(string? text, string? botUsername = null)
    {
        var trimmed = VietnameseText.Normalize(text).Trim();
        if (trimmed.Length == 0) return new(ChannelCommandKind.Question, "");
        return trimmed[0] == '/' ? ParseSlash(trimmed, botUsername) : ParseKeyword(trimmed);
    }

    /// <summary>Whether a scope argument asks to clear the scope ("tất cả", "all", "*"…).</summary>
    public static bool MeansAllPlans(string? argument) =>
        string.IsNullOrWhiteSpace(argument) is false && AllPlans.Contains(Fold(argument));

    private static ChannelCommand ParseSlash(string text, string? botUsername)
    {
        var space = IndexOfWhitespace(text);
        var head = space < 0 ? text[1..] : text[1..space];
        var argument = space < 0 ? "" : text[space..].Trim();
        var at = head.IndexOf('@');
        if (at >= 0)
        {
            var target = head[(at + 1)..];
            head = head[..at];
            if (!string.IsNullOrEmpty(botUsername) && !string.Equals(target, botUsername.TrimStart('@'), StringComparison.OrdinalIgnoreCase))
                return new(ChannelCommandKind.NotForMe);
        }
        var name = Fold(head).Replace(" ", "");
        return SlashNames.TryGetValue(name, out var kind)
            ? new(kind, kind == ChannelCommandKind.Scope ? argument : "")
            : new(ChannelCommandKind.Unknown, head);
    }

    private static ChannelCommand ParseKeyword(string text)
    {
        var folded = Fold(text);
        if (Keywords.TryGetValue(folded, out var kind)) return new(kind);
        if (folded == "pham vi") return new(ChannelCommandKind.Scope);
        if (folded.StartsWith("pham vi ", StringComparison.Ordinal))
        {
            // "phạm vi áp dụng của kế hoạch?" is a question, not a command: document ids are one word.
            var argument = SkipWords(text, 2);
            if (IndexOfWhitespace(argument) < 0 || MeansAllPlans(argument)) return new(ChannelCommandKind.Scope, argument);
        }
        return new(ChannelCommandKind.Question, text);
    }

    private static string Fold(string text) =>
        VietnameseText.CollapseSpaces(VietnameseText.Fold(text)).TrimEnd('?', '!', '.', ' ', ':');

    private static string SkipWords(string text, int count)
    {
        var rest = text.AsSpan().Trim();
        for (var i = 0; i < count; i++)
        {
            var space = rest.IndexOfAny(' ', '\t', '\n');
            rest = space < 0 ? [] : rest[space..].TrimStart();
        }
        return rest.ToString().Trim();
    }

    private static int IndexOfWhitespace(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (char.IsWhiteSpace(text[i])) return i;
        return -1;
    }
}
