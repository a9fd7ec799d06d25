using System.Text.RegularExpressions;
using KeHoach57.Core.Answers;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Every sentence the chat channels say, in one place: answers with compact citations, the full sources,
/// greetings, help and scope menus. Channels only render and send what these build.
/// </summary>
public static partial class ChatReplies
{
    /// <summary>How much of a quote a compact citation shows.</summary>
    public const int CompactQuoteLength = 160;

    private static readonly string[] Examples =
    [
        "Hạn báo cáo 6 tháng là ngày nào?",
        "Cơ quan nào chủ trì chuyển đổi số?",
        "Kinh phí thực hiện kế hoạch lấy từ đâu?",
    ];

    public static ChatReply Answer(Answer answer, ChannelStyle style)
    {
        // The channel renders citations compactly itself, so it takes the answer without its sources list.
        var paragraphs = FromMarkdown(answer.Body ?? answer.Markdown).ToList();
        if (answer.Citations.Count > 0)
        {
            paragraphs.Add(ReplyParagraph.Of("Nguồn:", SpanStyle.Bold));
            paragraphs.AddRange(answer.Citations.Select((c, i) => CompactCitation(c, i + 1)));
            paragraphs.Add(ReplyParagraph.Of($"Gõ {style.Sources} để xem đầy đủ trích dẫn.", SpanStyle.Italic));
        }
        return new ChatReply(paragraphs);
    }

    public static ChatReply Sources(ConversationState state, ChannelStyle style)
    {
        var answer = state.LastAnswer;
        if (answer is null || answer.Citations.Count == 0)
            return Say("Chưa có câu trả lời nào có trích dẫn. Hãy đặt một câu hỏi trước, ví dụ: " + Examples[0]);
        var paragraphs = new List<ReplyParagraph>
        {
            ReplyParagraph.Of(new ReplySpan("Nguồn của câu trả lời gần nhất"), new ReplySpan(
                state.Last is { } last ? $" (\u201C{Shorten(last.Question, 200)}\u201D):" : ":")),
        };
        var n = 0;
        foreach (var c in answer.Citations)
        {
            n++;
            paragraphs.Add(ReplyParagraph.Of(
                new ReplySpan($"[{n}] "), new ReplySpan(c.Title, SpanStyle.Bold),
                new ReplySpan(c.Section.Length > 0 ? $"\nMục: {c.Section}" : ""),
                new ReplySpan($"\nMã kế hoạch: {c.Doc}")));
            paragraphs.Add(new ReplyParagraph([new ReplySpan(c.Passage.Length > 0 ? c.Passage : c.Quote)], Quote: true));
        }
        return new ChatReply(paragraphs);
    }

    public static ChatReply Start(IReadOnlyList<ScopeChoice> plans, ChannelStyle style)
    {
        var paragraphs = new List<ReplyParagraph>
        {
            ReplyParagraph.Of(new ReplySpan("Xin chào! Tôi là "), new ReplySpan("Trợ lý Kế hoạch 57", SpanStyle.Bold),
                new ReplySpan($": tôi trả lời câu hỏi về {plans.Count} kế hoạch thực hiện Nghị quyết 57-NQ/TW và trích dẫn đoạn văn bản làm căn cứ.")),
            ReplyParagraph.Of("Ví dụ, hãy hỏi:"),
            ReplyParagraph.Of(string.Join("\n", Examples.Select(e => "• " + e))),
        };
        paragraphs.AddRange(CommandList(style));
        return new ChatReply(paragraphs);
    }

    public static ChatReply Help(ChannelStyle style) =>
        new([ReplyParagraph.Of("Cách dùng", SpanStyle.Bold), ReplyParagraph.Of("Gửi câu hỏi bằng tiếng Việt; câu sau có thể nối tiếp câu trước."), .. CommandList(style)]);

    public static ChatReply ScopeMenu(ScopeChoice? current, IReadOnlyList<ScopeChoice> plans, ChannelStyle style)
    {
        var paragraphs = new List<ReplyParagraph>
        {
            current is null
                ? ReplyParagraph.Of("Phạm vi hiện tại: tất cả kế hoạch.")
                : ReplyParagraph.Of(new ReplySpan("Phạm vi hiện tại: "), new ReplySpan(current.Title, SpanStyle.Bold), new ReplySpan($" ({current.Id})")),
        };
        if (style.HasButtons)
            paragraphs.Add(ReplyParagraph.Of("Chọn kế hoạch để chỉ hỏi trong kế hoạch đó:"));
        else
        {
            paragraphs.Add(ReplyParagraph.Of($"Gõ \"{style.Scope} <mã>\" để chỉ hỏi trong một kế hoạch, \"{style.Scope} tất cả\" để hỏi trên tất cả. Các mã:"));
            paragraphs.Add(ReplyParagraph.Of(string.Join("\n", plans.Select(p => $"• {p.Id}: {p.Title}"))));
        }
        return new ChatReply(paragraphs, style.HasButtons ? plans : null);
    }

    public static ChatReply ScopeSet(ScopeChoice? chosen) => chosen is null
        ? Say("Đã bỏ phạm vi: các câu hỏi sau tìm trên tất cả kế hoạch.", "Tất cả kế hoạch")
        : new ChatReply(
            [ReplyParagraph.Of(new ReplySpan("Đã chọn phạm vi: "), new ReplySpan(chosen.Title, SpanStyle.Bold), new ReplySpan($" ({chosen.Id}). Các câu hỏi sau chỉ tìm trong kế hoạch này."))],
            Notice: Shorten("Phạm vi: " + chosen.Title, 190));

    public static ChatReply Unknown(string command, ChannelStyle style) =>
        Say($"Không có lệnh /{Shorten(command, 40)}. Gõ {style.Help} để xem các lệnh.");

    public static ChatReply Flooded() =>
        Say("Bạn gửi hơi nhiều tin nhắn trong thời gian ngắn. Xin vui lòng chờ một chút rồi hỏi tiếp, tôi sẽ trả lời ngay khi có thể.");

    public static ChatReply Failed() =>
        Say("Xin lỗi, tôi chưa trả lời được câu này do lỗi hệ thống. Vui lòng thử lại sau ít phút.");

    public static ChatReply TooSlow() =>
        Say("Xin lỗi, câu hỏi này cần quá nhiều thời gian để trả lời. Vui lòng hỏi ngắn gọn hơn hoặc thử lại sau.");

    public static ChatReply TextOnly() => Say("Tôi chỉ đọc được tin nhắn chữ. Hãy gõ câu hỏi về kế hoạch.");

    public static ChatReply Say(string text, string? notice = null) => new([ReplyParagraph.Of(text)], Notice: notice);

    private static IEnumerable<ReplyParagraph> CommandList(ChannelStyle style)
    {
        yield return ReplyParagraph.Of("Lệnh:", SpanStyle.Bold);
        yield return ReplyParagraph.Of(string.Join("\n",
            $"• {style.Scope}: xem hoặc chọn kế hoạch để hỏi",
            $"• {style.Scope} <mã>: chỉ hỏi trong một kế hoạch",
            $"• {style.Sources}: xem đầy đủ trích dẫn của câu trả lời gần nhất",
            $"• {style.Help}: xem hướng dẫn này"));
    }

    private static ReplyParagraph CompactCitation(Citation c, int n) => ReplyParagraph.Of(
        new ReplySpan($"[{n}] "),
        new ReplySpan(c.Title, SpanStyle.Bold),
        new ReplySpan(c.Section.Length > 0 ? " › " + c.Section : ""),
        new ReplySpan("\n\u201C" + Shorten(OneLine(c.Quote), CompactQuoteLength) + "\u201D", SpanStyle.Italic));

    /// <summary>The answer's Markdown as chat paragraphs: **bold** kept as bold, headings bold, list dashes as bullets;
    /// anything else stays literal text (and is escaped by the channel).</summary>
    public static IEnumerable<ReplyParagraph> FromMarkdown(string markdown)
    {
        foreach (var block in BlankLine().Split(markdown.Replace("\r\n", "\n")))
        {
            var text = block.Trim();
            if (text.Length == 0) continue;
            if (text.StartsWith('#'))
            {
                yield return ReplyParagraph.Of(text.TrimStart('#').Trim(), SpanStyle.Bold);
                continue;
            }
            text = ListMarker().Replace(text, "• ");
            yield return new ReplyParagraph(InlineSpans(text).ToList());
        }
    }

    private static IEnumerable<ReplySpan> InlineSpans(string text)
    {
        var last = 0;
        foreach (Match m in BoldRun().Matches(text))
        {
            if (m.Index > last) yield return new ReplySpan(text[last..m.Index]);
            yield return new ReplySpan(m.Groups[1].Value, SpanStyle.Bold);
            last = m.Index + m.Length;
        }
        if (last < text.Length) yield return new ReplySpan(text[last..]);
    }

    private static string OneLine(string text) => Core.Text.VietnameseText.CollapseSpaces(text);

    /// <summary>Cuts at a word boundary and marks the cut, so a compact quote never ends mid-word.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1, Math.Min(max, 40));
        return text[..(cut > 0 ? cut : max - 1)].TrimEnd(' ', ',', ';', ':') + "…";
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"(?m)^[ \t]*[-*+][ \t]+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.Singleline)]
    private static partial Regex BoldRun();
}
