using System.Text;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Validation;

namespace KeHoach57.Evaluation.Tests.Validation;

public class EvalSetValidatorTests
{
    private static IReadOnlyList<EvalCase> Cases(params string[] lines) =>
        TestSets.Parse(string.Join("\n", lines)).Cases;

    private const string Deadline = """{"id": "yh-1", "question": "Q", "question_plain": "q", "scope": "yen-hoa", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6", "10/06"]], "evidence": "Báo cáo 6 tháng gửi trước ngày 10/6 về UBND xã"}""";

    [Fact]
    public void Câu_có_bằng_chứng_và_đáp_án_trong_corpus_là_hợp_lệ()
    {
        // A complete fact: three wordings, split into a half.
        string Placed(string line) => line.Replace("\"evidence\"", "\"half\": \"check\", \"evidence\"");
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(Placed(Deadline), Placed(Wording("yh-1-chat", "chat")), Placed(Wording("yh-1-synonym", "synonym"))));
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Nhập_lại_làm_mất_đoạn_văn_thì_câu_đó_báo_lỗi_ầm_ĩ()
    {
        var damaged = TestCorpus.Create(("yen-hoa", "Cac bo phan bao cao ket qua thuc hien truoc ngay 20 hang thang de tong hop.\n\nPhong Van hoa - Xa hoi chu tri trien khai ke hoach."));
        var result = new EvalSetValidator(damaged).Validate(Cases(Deadline));
        var error = Assert.Single(result.Errors, e => e.Message.StartsWith("evidence không còn trong corpus"));
        Assert.Equal("yh-1", error.Id);
        Assert.Equal("t.jsonl:1", error.Source);
        // Without the evidence, an answer found nowhere is an error too, not a warning.
        Assert.Contains(result.Errors, e => e.Message.Contains("[10/6 | 10/06]"));
    }

    [Fact]
    public void Đáp_án_viết_khác_OCR_chỉ_là_cảnh_báo_khi_bằng_chứng_còn()
    {
        var item = """{"id": "yh-2", "question": "Q", "question_plain": "q", "scope": null, "doc": "yen-hoa", "type": "department", "answer_any": [["Văn hóa - Xã hội"], ["Phòng Văn hóa và Thông tin", "VH-TT"]], "evidence": "Phong Van hoa - Xa hoi chu tri trien khai ke hoach"}""";
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(item));
        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings, w => w.Message.StartsWith("không phương án nào"));
        Assert.Contains("[Phòng Văn hóa và Thông tin | VH-TT]", warning.Message);
    }

    [Fact]
    public void Bằng_chứng_câu_hai_tài_liệu_có_thể_nằm_ở_doc2()
    {
        var item = """{"id": "x-1", "question": "Q", "question_plain": "q", "scope": null, "doc": "truong-giang", "doc2": "yen-hoa", "type": "cross", "answer_any": [["ngày 20"]], "evidence": "bao cao ket qua thuc hien truoc ngay 20 hang thang"}""";
        Assert.True(new EvalSetValidator(TestCorpus.Plans).Validate(Cases(item)).Valid);
    }

    [Fact]
    public void Tài_liệu_hay_phạm_vi_không_có_trong_corpus_là_lỗi()
    {
        var item = """{"id": "hy-1", "question": "Q", "question_plain": "q", "scope": "hung-yen", "doc": "hung-yen", "type": "fact", "answer_any": [["a"]], "evidence": "a b c"}""";
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(item));
        Assert.Contains(result.Errors, e => e.Message == "scope \"hung-yen\" không có trong corpus");
        Assert.Contains(result.Errors, e => e.Message == "tài liệu \"hung-yen\" không có trong corpus");
    }

    /// <summary>A wording of the Deadline item's fact, with one field replaced.</summary>
    private static string Wording(string id, string wording, string? replace = null, string? with = null)
    {
        var line = Deadline.Replace("\"id\": \"yh-1\"", $"\"id\": \"{id}\", \"fact\": \"yh-1\", \"wording\": \"{wording}\"");
        return replace is null ? line : line.Replace(replace, with);
    }

    [Theory]
    [InlineData("\"doc\": \"yen-hoa\"", "\"doc\": \"truong-giang\"", "\"doc\" là \"truong-giang\" nhưng yh-1 (t.jsonl:1) cùng sự kiện \"yh-1\" ghi \"yen-hoa\"")]
    [InlineData("\"scope\": \"yen-hoa\"", "\"scope\": null", "\"scope\" là null nhưng yh-1 (t.jsonl:1) cùng sự kiện \"yh-1\" ghi \"yen-hoa\"")]
    [InlineData("\"type\": \"deadline\"", "\"type\": \"date\"", "\"type\" là \"date\" nhưng yh-1")]
    [InlineData("\"evidence\"", "\"half\": \"tune\", \"evidence\"", "\"half\" là tune nhưng yh-1 (t.jsonl:1) cùng sự kiện \"yh-1\" ở nửa check")]
    public void Các_cách_hỏi_của_một_sự_kiện_khác_nhau_về_điều_được_hỏi_hay_nửa_là_lỗi_nêu_dòng(string replace, string with, string expected)
    {
        var first = Deadline.Replace("\"evidence\"", "\"half\": \"check\", \"evidence\"");
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(first,
            Wording("yh-1-chat", "chat").Replace("\"evidence\"", "\"half\": \"check\", \"evidence\""),
            Wording("yh-1-synonym", "synonym", replace, with)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("yh-1-synonym", "t.jsonl:3"), (error.Id, error.Source));
        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void Sự_kiện_trả_lời_được_dưới_ba_cách_hỏi_hay_chưa_chia_nửa_chỉ_là_cảnh_báo()
    {
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(Deadline, Wording("yh-1-chat", "chat")));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Id == "yh-1" && w.Message.StartsWith("sự kiện \"yh-1\" mới có 2 cách hỏi (formal, chat)"));
        Assert.Contains(result.Warnings, w => w.Message.Contains("chưa được chia vào nửa tune/check: chạy `eval split`"));
    }

    [Fact]
    public void Câu_không_trả_lời_được_thiếu_na_kind_là_cảnh_báo()
    {
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(
            """{"id": "na-1", "question": "Q", "question_plain": "q", "doc": null, "type": "unanswerable", "half": "check"}""",
            """{"id": "na-2", "question": "Q", "question_plain": "q", "doc": null, "type": "unanswerable", "na_kind": "off_domain", "half": "check"}"""));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("na-1", warning.Id);
        Assert.StartsWith("câu không trả lời được chưa ghi \"na_kind\"", warning.Message);
    }

    [Fact]
    public void Cách_hỏi_thiếu_phương_án_đáp_án_hay_khác_bằng_chứng_là_cảnh_báo_và_chỉ_kiểm_corpus_một_lần_mỗi_sự_kiện()
    {
        var narrower = Wording("yh-1-chat", "chat", "[[\"10/6\", \"10/06\"]]", "[[\"10/6\"]]");
        var lostEvidence = """{"id": "yh-2", "question": "Q", "question_plain": "q", "scope": "yen-hoa", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "khong co trong van ban nao ca"}""";
        var lostTwice = lostEvidence.Replace("\"id\": \"yh-2\"", "\"id\": \"yh-2-chat\", \"fact\": \"yh-2\", \"wording\": \"chat\"");

        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(Deadline, narrower, lostEvidence, lostTwice));

        Assert.Contains(result.Warnings, w => w.Id == "yh-1-chat" && w.Message.StartsWith("answer_any không chứa đủ các phương án của yh-1"));
        // The lost evidence is one problem of one fact, reported once.
        Assert.Equal(["yh-2"], result.Errors.Where(e => e.Message.StartsWith("evidence không còn")).Select(e => e.Id));
    }

    [Fact]
    public void Lượt_hội_thoại_được_kiểm_như_câu_đơn()
    {
        var dialogue = """{"id": "dlg-1", "type": "dialogue", "scope": "yen-hoa", "turns": [{"question": "Q", "question_plain": "q", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "bao cao 6 thang gui truoc ngay 10/6"}, {"question": "còn năm?", "question_plain": "con nam?", "doc": "yen-hoa", "type": "deadline", "answer_any": [["15/12"]], "evidence": "ke hoach nam 2026 duoc phe duyet truoc 15/12"}]}""";
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(dialogue));
        Assert.Equal(["dlg-1#2"], result.Errors.Select(e => e.Id).Distinct());
    }
}
