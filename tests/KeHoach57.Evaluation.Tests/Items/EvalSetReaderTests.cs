using System.Text;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;

namespace KeHoach57.Evaluation.Tests.Items;

public class EvalSetReaderTests
{
    private static EvalSet Parse(string jsonl) => TestSets.Parse(jsonl, "set");

    private const string Dialogue = """
        {"id": "dlg-001", "type": "dialogue", "scope": "yen-hoa", "tags": ["followup"], "turns": [{"question": "Hạn báo cáo 6 tháng là ngày nào?", "question_plain": "Han bao cao 6 thang la ngay nao?", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "truoc ngay 10/6"}, {"question": "còn báo cáo năm thì sao?", "doc": "yen-hoa", "type": "deadline", "answer_any": [["15/12"]], "evidence": "truoc ngay 15/12", "tags": ["ellipsis"]}]}
        """;

    [Fact]
    public void Hội_thoại_được_tách_thành_các_lượt_theo_thứ_tự_với_id_có_số_lượt()
    {
        var set = Parse(Dialogue);
        Assert.Equal(1, set.ItemCount);
        Assert.Equal(["dlg-001#1", "dlg-001#2"], set.Cases.Select(c => c.Id));
        Assert.All(set.Cases, c => Assert.Equal("dlg-001", c.DialogueId));
        Assert.All(set.Cases, c => Assert.Equal("yen-hoa", c.Scope));
        Assert.Equal([1, 2], set.Cases.Select(c => c.Turn));
        Assert.Equal(["followup", "ellipsis"], set.Cases[1].Tags);
        Assert.Equal("deadline", set.Cases[1].Type);
        // The second turn has no plain spelling: both variants ask it as written.
        Assert.Equal("còn báo cáo năm thì sao?", set.Cases[1].QuestionFor(EvalVariant.QuestionPlain));
    }

    [Fact]
    public void Câu_đơn_giữ_đủ_các_trường_kể_cả_doc2_và_nhãn()
    {
        var set = Parse("""{"id": "x-001", "question": "Q", "question_plain": "q", "scope": null, "doc": "truong-giang", "doc2": "yen-hoa", "type": "cross", "answer_any": [["ngày 10"], ["ngày 20"]], "evidence": "truoc ngay 10", "tags": ["paraphrase"]}""");
        var c = Assert.Single(set.Cases);
        Assert.Equal(("x-001", "truong-giang", "yen-hoa", "cross"), (c.Id, c.Doc, c.Doc2, c.Type));
        Assert.Equal("q", c.QuestionFor(EvalVariant.QuestionPlain));
        Assert.Equal(2, c.AnswerAny.Count);
        Assert.Equal(["paraphrase"], c.Tags);
        Assert.Equal(0, c.Turn);
        Assert.Equal("set.jsonl:1", c.Source);
    }

    [Theory]
    [InlineData("{\"id\": \"yh-1\", \"question\": ", "set.jsonl:2: JSON không hợp lệ")]
    [InlineData("[1, 2]", "set.jsonl:2: mỗi dòng phải là một đối tượng JSON")]
    [InlineData("{\"id\": \"yh-1\", \"question\": \"Q\", \"type\": \"fact\", \"answer_any\": [[\"a\"]], \"evidence\": \"e\"}", "set.jsonl:2: thiếu \"doc\"")]
    [InlineData("{\"id\": \"yh-1\", \"question\": \"Q\", \"doc\": \"yen-hoa\", \"type\": \"fact\", \"answer_any\": [\"a\"], \"evidence\": \"e\"}", "set.jsonl:2: \"answer_any\" phải là danh sách các nhóm")]
    [InlineData("{\"id\": \"yh-1\", \"question\": \"Q\", \"doc\": \"yen-hoa\", \"type\": \"fact\", \"answer_any\": [], \"evidence\": \"e\"}", "set.jsonl:2: \"answer_any\" rỗng")]
    [InlineData("{\"id\": \"yh-1\", \"question\": \"Q\", \"doc\": \"yen-hoa\", \"type\": \"fact\", \"answer_any\": [[\"a\"]]}", "set.jsonl:2: \"evidence\" phải là chuỗi không rỗng")]
    [InlineData("{\"question\": \"Q\", \"doc\": null, \"type\": \"unanswerable\"}", "set.jsonl:2: \"id\" phải là chuỗi không rỗng")]
    [InlineData("{\"id\": \"dlg-9\", \"type\": \"dialogue\"}", "set.jsonl:2: hội thoại (type \"dialogue\") cần \"turns\"")]
    [InlineData("{\"id\": \"dlg-9\", \"type\": \"dialogue\", \"turns\": [{\"question\": \"Q\", \"type\": \"fact\"}]}", "set.jsonl:2 lượt 1: thiếu \"doc\"")]
    public void Dòng_sai_báo_lỗi_rõ_ràng_có_tên_tệp_và_số_dòng(string badLine, string expected)
    {
        var good = """{"id": "na-1", "question": "Q", "doc": null, "type": "unanswerable", "answer_any": []}""";
        var ex = Assert.Throws<EvalSetFormatException>(() => Parse(good + "\n" + badLine + "\n"));
        Assert.Contains(ex.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("\"wording\": \"casual\"", "set.jsonl:2: \"wording\" phải là một trong formal, chat, synonym, numbers, abbrev")]
    [InlineData("\"half\": \"dev\"", "set.jsonl:2: \"half\" phải là một trong tune, check")]
    [InlineData("\"half\": null", "set.jsonl:2: \"half\" phải là một trong tune, check")]
    [InlineData("\"na_kind\": \"weather\"", "set.jsonl:2: \"na_kind\" phải là một trong off_domain, absent, no_plan_place, missing_fact_type")]
    [InlineData("\"fact\": \"\"", "set.jsonl:2: \"fact\" phải là chuỗi không rỗng")]
    public void Giá_trị_lạ_của_các_trường_giao_thức_báo_lỗi_có_tên_tệp_và_số_dòng(string field, string expected)
    {
        var good = """{"id": "na-1", "question": "Q", "doc": null, "type": "unanswerable"}""";
        var bad = $$"""{"id": "na-2", "question": "Q", "doc": null, "type": "unanswerable", {{field}}}""";
        var ex = Assert.Throws<EvalSetFormatException>(() => Parse(good + "\n" + bad + "\n"));
        Assert.Contains(ex.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Loại_câu_không_trả_lời_được_chỉ_ghi_cho_câu_doc_null()
    {
        var ex = Assert.Throws<EvalSetFormatException>(() => Parse("""{"id": "yh-1", "question": "Q", "doc": "yen-hoa", "type": "fact", "answer_any": [["a"]], "evidence": "e", "na_kind": "absent"}"""));
        Assert.Contains(ex.Problems, p => p.StartsWith("set.jsonl:1: \"na_kind\" chỉ dành cho câu không trả lời được"));
    }

    [Fact]
    public void Câu_không_ghi_giao_thức_là_sự_kiện_của_chính_nó_cách_hỏi_formal_chưa_chia_nửa()
    {
        var set = Parse("""{"id": "yh-1", "question": "Q", "doc": "yen-hoa", "type": "fact", "answer_any": [["a"]], "evidence": "e"}""" + "\n"
            + """{"id": "yh-1-chat", "fact": "yh-1", "wording": "chat", "half": "check", "question": "q ạ", "doc": "yen-hoa", "type": "fact", "answer_any": [["a"]], "evidence": "e"}""" + "\n"
            + """{"id": "na-1", "question": "Q", "doc": null, "type": "unanswerable", "na_kind": "off_domain"}""");
        Assert.Equal(("yh-1", "formal", null, 1), (set.Cases[0].Fact, set.Cases[0].Wording, set.Cases[0].Half, set.Cases[0].Line));
        Assert.Equal(("yh-1", "chat", "check", 2), (set.Cases[1].Fact, set.Cases[1].Wording, set.Cases[1].Half, set.Cases[1].Line));
        Assert.Equal("off_domain", set.Cases[2].NaKind);
    }

    [Fact]
    public void Hội_thoại_thuộc_nửa_ghi_trên_dòng_của_nó_hoặc_tune()
    {
        var set = Parse(Dialogue + "\n" + Dialogue.Replace("dlg-001", "dlg-002").Replace("\"tags\": [\"followup\"]", "\"half\": \"check\""));
        Assert.Equal([Halves.Tune, Halves.Tune, Halves.Check, Halves.Check], set.Cases.Select(c => c.Half));
        Assert.All(set.Cases, c => Assert.Null(c.Wording));
    }

    [Fact]
    public void Mọi_dòng_sai_được_báo_cùng_lúc()
    {
        var ex = Assert.Throws<EvalSetFormatException>(() => Parse("not json\n\n{\"id\": 5}\n"));
        Assert.Contains(ex.Problems, p => p.StartsWith("set.jsonl:1:"));
        Assert.Contains(ex.Problems, p => p.StartsWith("set.jsonl:3:"));
    }

    [Fact]
    public void Dòng_không_phải_UTF8_báo_lỗi_có_số_dòng()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id": "na-1", "question": "Q", "doc": null, "type": "unanswerable"}""" + "\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        var ex = Assert.Throws<EvalSetFormatException>(() => EvalSetReader.Parse("set", "set.jsonl", new MemoryStream(bytes)));
        Assert.Equal(["set.jsonl:2: không phải văn bản UTF-8 hợp lệ"], ex.Problems);
    }

    [Fact]
    public void Id_trùng_giữa_hai_tệp_là_lỗi_vì_báo_cáo_và_so_sánh_dựa_vào_id()
    {
        using var temp = new TempFolder();
        var line = """{"id": "na-1", "question": "Q", "doc": null, "type": "unanswerable"}""";
        var a = temp.File("a.jsonl", line + "\n");
        var b = temp.File("b.jsonl", line + "\n");
        var ex = Assert.Throws<EvalSetFormatException>(() => EvalSetReader.ReadAll([a, b]));
        Assert.Contains(ex.Problems, p => p.Contains("id \"na-1\" đã có ở") && p.StartsWith(b));
    }

    [Fact]
    public void Thư_mục_được_đọc_thành_các_tệp_jsonl_theo_thứ_tự_tên()
    {
        using var temp = new TempFolder();
        temp.File("b.jsonl", "");
        temp.File("a.jsonl", "");
        temp.File("thresholds.json", "{}");
        Assert.Equal(["a.jsonl", "b.jsonl"], EvalSetReader.ResolveFiles([temp.Path]).Select(Path.GetFileName));
        var ex = Assert.Throws<EvalSetFormatException>(() => EvalSetReader.ResolveFiles([Path.Combine(temp.Path, "nope.jsonl")]));
        Assert.Contains("không tìm thấy", ex.Message);
    }
}
