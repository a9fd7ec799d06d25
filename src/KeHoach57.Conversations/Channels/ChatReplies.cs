using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;

namespace KeHoach57.Conversations.Channels;

/// <summary>
/// Every sentence the chat channels say, in one place: answers with compact citations, the full sources,
/// greetings, help and scope menus. Channels only render and send what these build.
/// </summary>
public static class ChatReplies
{
    /// <summary>How much of a quote a compact citation shows.</summary>
    public const int CompactQuoteLength = 160;

    /// <summary>Longest title of a link button (Zalo allows 100 characters).</summary>
    public const int LinkTitleLength = 80;

    private static readonly string[] Examples =
    [
        "Hạn báo cáo 6 tháng là ngày nào?",
        "Cơ quan nào chủ trì chuyển đổi số?",
        "Kinh phí thực hiện kế hoạch lấy từ đâu?",
    ];

    /// <summary>
    /// The answer record as a chat reply: the answer line first (bold when it answers), then one short paragraph per
    /// source (number, label, quote, and a link to the passage's page when the channel knows the public address).
    /// </summary>
    public static ChatReply Answer(AnswerRecord answer, ChannelStyle style)
    {
        var paragraphs = new List<ReplyParagraph> { ReplyParagraph.Of(answer.Line, answer.Answered ? SpanStyle.Bold : SpanStyle.Plain) };
        var links = new List<ReplyLink>();
        if (answer.Citations.Count > 0)
        {
            paragraphs.Add(ReplyParagraph.Of(SourceText.Heading(answer) + ":", SpanStyle.Bold));
            var n = 0;
            foreach (var c in answer.Citations)
            {
                n++;
                var url = style.Site is { } site ? SourceText.PassageUrl(site, c.ChunkId).AbsoluteUri : null;
                paragraphs.Add(CompactCitation(c, n, url));
                if (url is not null) links.Add(new ReplyLink(Excerpts.Shorten($"[{n}] {SourceText.Label(c)}", LinkTitleLength), url));
            }
            paragraphs.Add(ReplyParagraph.Of($"Gõ {style.Sources} để xem đầy đủ trích dẫn.", SpanStyle.Italic));
        }
        return new ChatReply(paragraphs, Links: links);
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
                new ReplySpan($"[{n}] "), new ReplySpan(SourceText.Label(c), SpanStyle.Bold),
                new ReplySpan($"\n{c.Title}"),
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

    private static ReplyParagraph CompactCitation(Citation c, int n, string? url)
    {
        var spans = new List<ReplySpan> { new($"[{n}] "), new(SourceText.Label(c), SpanStyle.Bold) };
        if (url is not null) spans.AddRange([new(ReplyParagraph.LinkSeparator), new(SourceText.OpenSource, Url: url)]);
        spans.Add(new("\n\u201C" + SourceText.Quote(c, CompactQuoteLength) + "\u201D", SpanStyle.Italic));
        if (SourceText.IsRestored(c)) spans.Add(new($" ({SourceText.RestoredNote})"));
        return new ReplyParagraph(spans);
    }

    /// <inheritdoc cref="Excerpts.Shorten"/>
    public static string Shorten(string text, int max) => Excerpts.Shorten(text, max);
}
