using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Tests.Scoring;

public class ProtocolFiguresTests
{
    private static string Answerable(string id, string fact, string wording) =>
        $$"""{"id": "{{id}}", "fact": "{{fact}}", "wording": "{{wording}}", "question": "Hạn báo cáo {{id}}?", "question_plain": "q", "scope": "yen-hoa", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "truoc ngay 10/6"}""";

    private static string Unanswerable(string id, string? naKind) =>
        $$"""{"id": "{{id}}", "question": "Giá vàng {{id}}?", "question_plain": "q", "scope": null, "doc": null, "type": "unanswerable"{{(naKind is null ? "" : $", \"na_kind\": \"{naKind}\"")}}}""";

    private static ResultLine Right(string id, int citations = 1) => Line(id, true, "Trước ngày 10/6.", citations);

    private static ResultLine Wrong(string id, int citations = 1) => Line(id, true, "Trước ngày 20 hằng tháng.", citations);

    private static ResultLine Refused(string id) => Line(id, false, "Các kế hoạch không nêu.", 3);

    private static ResultLine Line(string id, bool? answered, string answer, int citations) =>
        new(id, answered, answer, Enumerable.Range(0, citations).Select(_ => new ResultCitation("yen-hoa", "truoc ngay 10/6", "")).ToList(), 5);

    private static Metrics Score(string[] items, params ResultLine[] results) =>
        Scorer.Score(TestSets.Parse(string.Join("\n", items)).Cases, results.ToDictionary(r => r.Id!)).Metrics;

    [Fact]
    public void Chênh_lệch_mỗi_cách_hỏi_với_formal_chỉ_tính_trên_các_sự_kiện_hỏi_cả_hai_cách()
    {
        string[] items =
        [
            Answerable("f1", "f1", "formal"), Answerable("f1-chat", "f1", "chat"), Answerable("f1-synonym", "f1", "synonym"),
            Answerable("f2", "f2", "formal"), Answerable("f2-chat", "f2", "chat"), Answerable("f2-synonym", "f2", "synonym"),
            Answerable("f3", "f3", "formal"), Answerable("f3-chat", "f3", "chat"),
            Answerable("f4", "f4", "chat"), // a fact asked only in chat: in per_wording, not in any gap
        ];

        var m = Score(items,
            Right("f1"), Wrong("f1-chat"), Right("f1-synonym"),
            Wrong("f2"), Wrong("f2-chat"), Right("f2-synonym"),
            Right("f3"), Right("f3-chat"),
            Wrong("f4"));

        Assert.Equal(["formal", "chat", "synonym"], m.PerWording.Keys);
        Assert.Equal((2, 3), (m.PerWording["formal"].Ok, m.PerWording["formal"].Total));
        Assert.Equal((1, 4), (m.PerWording["chat"].Ok, m.PerWording["chat"].Total));
        Assert.Equal(0.25, m.Figure("answer_accuracy[chat]"));

        var chat = m.WordingGap["chat"];
        Assert.Equal(3, chat.Facts);                 // f1, f2, f3
        Assert.Equal(-0.333, chat.Gap);              // 1/3 − 2/3, rounded once
        var synonym = m.WordingGap["synonym"];
        Assert.Equal(2, synonym.Facts);              // f1, f2
        Assert.Equal(0.5, synonym.Gap);              // 2/2 − 1/2
        Assert.Equal(0.5, m.Figure("wording_gap[synonym]"));
        Assert.Null(m.Figure("wording_gap[numbers]")); // no item of that wording: not applicable, not zero
    }

    [Fact]
    public void Độ_từ_chối_đúng_theo_từng_loại_câu_không_trả_lời_được()
    {
        string[] items = [Unanswerable("na-1", "off_domain"), Unanswerable("na-2", "off_domain"), Unanswerable("na-3", "absent"), Unanswerable("na-4", null)];

        var m = Score(items, Refused("na-1"), Wrong("na-2"), Refused("na-3"), Wrong("na-4"));

        Assert.Equal(0.5, m.Figure("refusal_accuracy[off_domain]"));
        Assert.Equal(1, m.Figure("refusal_accuracy[absent]"));
        Assert.Null(m.Figure("refusal_accuracy[no_plan_place]"));
        Assert.Equal("0/1", m.PerNaKind["(chưa ghi)"].ToString()); // written without na_kind: still counted, under its own key
        Assert.Equal(0.5, m.RefusalAccuracy);                     // score.py's figure over the same items
    }

    [Fact]
    public void Tỷ_lệ_câu_trả_lời_được_mà_bị_từ_chối_và_số_trích_dẫn()
    {
        string[] items = [Answerable("a", "a", "formal"), Answerable("b", "b", "formal"), Answerable("c", "c", "formal"), Answerable("d", "d", "formal"), Answerable("e", "e", "formal")];

        // "b" has no "answered": score.py reads that as not answered for an answerable item. "e" has no result.
        var m = Score(items, Line("a", false, "Không nêu.", 0), Line("b", null, "Trước ngày 10/6.", 1), Right("c", 3), Right("d", 5));

        Assert.Equal(0.5, m.AnswerableRefused);
        Assert.Equal(5, m.CitationsMax);
        Assert.Equal(2, m.CitationsP50);
        Assert.Equal(1, m.Missing);
    }

    [Fact]
    public void Các_trường_của_giao_thức_không_làm_đổi_con_số_nào_của_score_py()
    {
        string[] plain = [Unanswerable("na-1", null), """{"id": "f1", "question": "Q", "question_plain": "q", "scope": "yen-hoa", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "truoc ngay 10/6"}"""];
        string[] withProtocol = [Unanswerable("na-1", "absent"), Answerable("f1", "f1", "chat").Replace("}", ", \"half\": \"check\"}")];
        ResultLine[] results = [Wrong("na-1"), Right("f1")];

        var a = Score(plain, results);
        var b = Score(withProtocol, results);

        foreach (var name in Metrics.FigureNames) Assert.Equal(a.Figure(name), b.Figure(name));
        Assert.Equal(a.PerType, b.PerType);
    }

    [Fact]
    public void Lượt_hội_thoại_không_thuộc_cách_hỏi_nào()
    {
        string[] items = ["""{"id": "dlg-1", "type": "dialogue", "scope": "yen-hoa", "turns": [{"question": "Q", "question_plain": "q", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "e"}]}"""];

        var m = Score(items, Right("dlg-1#1"));

        Assert.Empty(m.PerWording);
        Assert.Equal(1, m.AnswerAccuracy);
    }
}
