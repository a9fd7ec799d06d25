using KeHoach57.Answering.Grounding;
using KeHoach57.Answering.Selection;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;

namespace KeHoach57.Answering.Tests.Grounding;

public class ConfidenceFeaturesTests(AnsweringFixture fixture)
{
    private static Choice Pair(string id, string section, string value, double yearFit)
    {
        var text = $"{value} người dân có tài khoản định danh điện tử.";
        var clause = new KeHoach57.Answering.Clauses.Clause(new Chunk($"thai-nguyen/{id}", "thai-nguyen", section, text), text, 0, false);
        return AnsweringFixture.Choice(clause, AskKind.Figure, value, yearFit: yearFit);
    }

    private double Support(params Choice[] pairs)
    {
        var question = fixture.Read("Hết năm 2045, bao nhiêu phần trăm người dân có tài khoản định danh điện tử?");
        var selected = Selected.Pick(pairs, pairs.Length, c => c.Score + (c.Clause.Chunk.Id.EndsWith("2045") ? 1 : 0));
        return ConfidenceFeatures.Named(ConfidenceFeatures.Of(question, selected))["support"];
    }

    [Fact]
    public void Cùng_giá_trị_ở_mục_của_năm_khác_không_phải_đoạn_nhắc_lại_cùng_chỉ_tiêu()
    {
        var asked = Pair("2045", "III. › 2.5. Đến hết năm 2045", "100%", 1);
        // The 2030 target says 100% too, of another year: no support. A passage with no year of its own does support it.
        Assert.Equal(0, Support(asked, Pair("2030", "III. › 2.2. Đến hết năm 2030", "100%", -1)));
        Assert.True(Support(asked, Pair("chung", "I. › 2. Mục tiêu chung", "100%", 0)) > 0);
    }
}
