using System.Text;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;

namespace KeHoach57.Evaluation.Tests.Protocol;

public class HalfSplitterTests
{
    /// <summary>One item line; "extra" is appended inside the object as written.</summary>
    private static string Item(string id, string doc = "yen-hoa", string type = "deadline", string? fact = null, string? wording = null, string extra = "") =>
        $$"""{"id": "{{id}}"{{(fact is null ? "" : $", \"fact\": \"{fact}\"")}}{{(wording is null ? "" : $", \"wording\": \"{wording}\"")}}, "question": "Hạn báo cáo {{id}} là ngày nào?", "question_plain": "Han bao cao {{id}} la ngay nao?", "scope": null, "doc": "{{doc}}", "type": "{{type}}", "answer_any": [["10/6"]], "evidence": "truoc ngay 10/6"{{extra}}}""";

    private static IReadOnlyList<EvalCase> Cases(params string[] lines) => TestSets.Parse(string.Join("\n", lines)).Cases;

    private static Dictionary<string, string> HalfOfFact(SplitPlan plan) => plan.Assigned.ToDictionary(a => a.Fact, a => a.Half);

    [Fact]
    public void Mọi_cách_hỏi_của_một_sự_kiện_vào_cùng_một_nửa()
    {
        using var temp = new TempFolder();
        var file = temp.File("yen-hoa.jsonl", string.Join("\n",
            Item("yh-1", fact: "yh-1", wording: "formal"), Item("yh-1-chat", fact: "yh-1", wording: "chat"), Item("yh-1-synonym", fact: "yh-1", wording: "synonym"),
            Item("yh-2"), Item("yh-3"), Item("yh-4")) + "\n");

        HalfSplitter.Apply([EvalSetReader.Read(file)]);

        var cases = EvalSetReader.Read(file).Cases;
        Assert.All(cases, c => Assert.NotNull(c.Half));
        Assert.Single(cases.Where(c => c.Fact == "yh-1").Select(c => c.Half).Distinct());
    }

    [Fact]
    public void Trong_mỗi_tầng_tài_liệu_và_loại_câu_hai_nửa_chênh_nhau_nhiều_nhất_một_sự_kiện()
    {
        var lines = new List<string>();
        var strata = new[] { ("yen-hoa", "deadline", 7), ("yen-hoa", "list", 4), ("hung-yen", "deadline", 5), ("hung-yen", "target", 1), ("truong-giang", "table", 10) };
        foreach (var (doc, type, n) in strata)
            for (var i = 0; i < n; i++) lines.Add(Item($"{doc}-{type}-{i}", doc, type));

        var plan = HalfSplitter.Plan(Cases([.. lines]));

        Assert.Equal(27, plan.Assigned.Count);
        foreach (var (doc, type, n) in strata)
        {
            var halves = plan.Strata[$"{doc} · {type}"];
            Assert.Equal(n, halves.Tune + halves.Check);
            Assert.InRange(Math.Abs(halves.Tune - halves.Check), 0, 1);
        }
        // Ties go to the smaller half overall, so the whole set is balanced too.
        Assert.InRange(Math.Abs(plan.Assigned.Count(a => a.Half == Halves.Tune) - plan.Assigned.Count(a => a.Half == Halves.Check)), 0, 1);
    }

    [Fact]
    public void Cùng_các_sự_kiện_luôn_chia_như_nhau_dù_thứ_tự_dòng_khác()
    {
        var lines = Enumerable.Range(0, 12).Select(i => Item($"yh-{i}", type: i % 3 == 0 ? "list" : "deadline")).ToArray();

        var first = HalfOfFact(HalfSplitter.Plan(Cases(lines)));
        var again = HalfOfFact(HalfSplitter.Plan(Cases(lines)));
        var reversed = HalfOfFact(HalfSplitter.Plan(Cases([.. lines.Reverse()])));

        Assert.Equal(first, again);
        Assert.Equal(first, reversed);
    }

    [Fact]
    public void Sự_kiện_đã_có_nửa_không_bao_giờ_đổi_và_được_tính_khi_chia_sự_kiện_mới()
    {
        var placed = Enumerable.Range(0, 3).Select(i => Item($"yh-old-{i}", extra: ", \"half\": \"tune\"")).ToArray();
        var added = Enumerable.Range(0, 3).Select(i => Item($"yh-new-{i}")).ToArray();

        var plan = HalfSplitter.Plan(Cases([.. placed, .. added]));

        // The stratum already had three tune facts: the three new ones all go to check.
        Assert.Equal(["yh-new-0", "yh-new-1", "yh-new-2"], plan.Assigned.Select(a => a.Fact).Order());
        Assert.All(plan.Assigned, a => Assert.Equal(Halves.Check, a.Half));
        Assert.Equal(new StratumHalves(3, 3), plan.Strata["yen-hoa · deadline"]);
    }

    [Fact]
    public void Cách_hỏi_mới_của_sự_kiện_đã_chia_vào_nửa_của_sự_kiện_đó()
    {
        using var temp = new TempFolder();
        var file = temp.File("yen-hoa.jsonl", string.Join("\n",
            Item("yh-1", fact: "yh-1", extra: ", \"half\": \"check\""), Item("yh-1-chat", fact: "yh-1", wording: "chat")) + "\n");

        var outcome = HalfSplitter.Apply([EvalSetReader.Read(file)]);

        Assert.Empty(outcome.Plan.Assigned);
        Assert.All(EvalSetReader.Read(file).Cases, c => Assert.Equal(Halves.Check, c.Half));
    }

    [Fact]
    public void Ghi_nửa_vào_dòng_mà_giữ_nguyên_mọi_byte_khác()
    {
        using var temp = new TempFolder();
        // Unusual spacing, an escaped and an unescaped diacritic, a CRLF line, a blank line, a dialogue,
        // an item already placed, a BOM, and no newline at the end: all must survive as written.
        var lines = new[]
        {
            "\uFEFF{\"id\":\"yh-1\",  \"question\":\"H\\u1EA1n b\u00e1o c\u00e1o?\",\"question_plain\":\"Han bao cao?\",\"scope\":null,\"doc\":\"yen-hoa\",\"type\":\"deadline\",\"answer_any\":[[\"10/6\"]],\"evidence\":\"truoc ngay 10/6\"}   ",
            Item("yh-2") + "\r",
            "",
            """{"id": "dlg-1", "type": "dialogue", "scope": "yen-hoa", "turns": [{"question": "Q", "question_plain": "q", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "e"}]}""",
            Item("yh-3", extra: ", \"half\": \"check\""),
            Item("yh-4"),
        };
        var original = string.Join("\n", lines);
        var file = temp.File("yen-hoa.jsonl", original);

        HalfSplitter.Apply([EvalSetReader.Read(file)]);

        var written = Encoding.UTF8.GetString(File.ReadAllBytes(file)).Split('\n');
        var halves = EvalSetReader.Read(file).Cases.ToDictionary(c => c.Id, c => c.Half);
        string With(string line, string id) => line.Insert(line.LastIndexOf('}'), $", \"half\": \"{halves[id]}\"");
        Assert.Equal([With(lines[0], "yh-1"), With(lines[1], "yh-2"), lines[2], lines[3], lines[4], With(lines[5], "yh-4")], written);
        Assert.Equal(Halves.Tune, halves["dlg-1#1"]); // dialogues are not split: tune unless they say otherwise
    }

    [Fact]
    public void Chia_lần_hai_không_thay_đổi_tệp_nào()
    {
        using var temp = new TempFolder();
        var file = temp.File("hung-yen.jsonl", string.Join("\n", Enumerable.Range(0, 5).Select(i => Item($"hy-{i}", "hung-yen"))) + "\n");
        HalfSplitter.Apply([EvalSetReader.Read(file)]);
        var once = File.ReadAllBytes(file);

        var outcome = HalfSplitter.Apply([EvalSetReader.Read(file)]);

        Assert.Empty(outcome.Plan.Assigned);
        Assert.Empty(outcome.Rewritten);
        Assert.Equal(once, File.ReadAllBytes(file));
    }

    [Fact]
    public void Cách_hỏi_của_một_sự_kiện_khác_tài_liệu_thì_không_chia_gì_và_nêu_dòng()
    {
        using var temp = new TempFolder();
        var text = string.Join("\n", Item("yh-1", fact: "yh-1"), Item("yh-1-chat", "hung-yen", fact: "yh-1", wording: "chat")) + "\n";
        var file = temp.File("yen-hoa.jsonl", text);

        var ex = Assert.Throws<EvalSetFormatException>(() => HalfSplitter.Apply([EvalSetReader.Read(file)]));

        Assert.Contains(ex.Problems, p => p.StartsWith($"{file}:2:") && p.Contains("\"doc\""));
        Assert.Equal(text, File.ReadAllText(file));
    }
}
