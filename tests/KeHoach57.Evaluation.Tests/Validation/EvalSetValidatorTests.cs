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
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(Deadline));
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
        var warning = Assert.Single(result.Warnings);
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

    [Fact]
    public void Lượt_hội_thoại_được_kiểm_như_câu_đơn()
    {
        var dialogue = """{"id": "dlg-1", "type": "dialogue", "scope": "yen-hoa", "turns": [{"question": "Q", "question_plain": "q", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "bao cao 6 thang gui truoc ngay 10/6"}, {"question": "còn năm?", "question_plain": "con nam?", "doc": "yen-hoa", "type": "deadline", "answer_any": [["15/12"]], "evidence": "ke hoach nam 2026 duoc phe duyet truoc 15/12"}]}""";
        var result = new EvalSetValidator(TestCorpus.Plans).Validate(Cases(dialogue));
        Assert.Equal(["dlg-1#2"], result.Errors.Select(e => e.Id).Distinct());
    }
}
