using System.Net;
using System.Text.RegularExpressions;

namespace KeHoach57.Channels.Tests.Infrastructure;

/// <summary>Checks that a Telegram HTML message uses only our tags, balanced, and no stray '&lt;' or '&amp;'.</summary>
public static partial class Html
{
    public static void AssertWellFormed(string html)
    {
        var open = new Stack<string>();
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups[2].Value;
            Assert.Contains(name, new[] { "b", "i", "a", "blockquote" });
            var opening = tag.Groups[1].Value != "/";
            Assert.True(tag.Groups[3].Success == (opening && name == "a"), $"only an opening link carries an attribute (href): {tag.Value}");
            if (tag.Groups[1].Value == "/") Assert.Equal(name, open.Pop());
            else open.Push(name);
        }
        Assert.Empty(open);
        var text = Tag().Replace(html, "");
        Assert.DoesNotContain('<', text);
        Assert.DoesNotContain('>', text);
        Assert.Empty(BareAmpersand().Matches(text));
    }

    /// <summary>What the person sees: tags removed, entities decoded.</summary>
    public static string Visible(string html) => WebUtility.HtmlDecode(Tag().Replace(html, ""));

    [GeneratedRegex("<(/?)([a-z]+)( href=\"[^\"<>]*\")?>")]
    private static partial Regex Tag();

    [GeneratedRegex("&(?!(amp|lt|gt|quot|#[0-9]+);)")]
    private static partial Regex BareAmpersand();
}
