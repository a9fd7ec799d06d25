using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Composition;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Tests.Composition;

/// <summary>
/// The readings of the plans' clauses worked out when a corpus is first served and kept in the data folder
/// (<see cref="AnswerText.KeepReadings"/>): a fresh process reads them instead of running the restorer on every clause.
/// </summary>
public class KeptReadingsSpecs(AnsweringFixture fixture)
{
    [Fact]
    public void Cách_đọc_giữ_sẵn_giống_hệt_cách_đọc_khi_gặp_lần_đầu()
    {
        // The fixture's stack kept its readings when it was built; a stack without a data folder reads each text afresh.
        var kept = fixture.Get<AnswerText>();
        var afresh = new AnswerText(fixture.Get<Corpus>(), fixture.Get<UnitGazetteer>(), fixture.Get<VietnameseAnalyzer>(), fixture.Get<Glossary>());
        var clauses = fixture.Get<ClauseReader>();
        var corpus = fixture.Get<Corpus>();
        var compared = 0;
        foreach (var doc in new[] { "yen-hoa", "thai-nguyen" })
            foreach (var chunk in corpus.Find(doc)!.Chunks.Take(12))
                foreach (var clause in clauses.Of(chunk))
                {
                    Assert.Equal(afresh.Reading(clause.Text, doc), kept.Reading(clause.Text, doc));
                    Assert.Equal(afresh.Reading(clause.Context, doc), kept.Reading(clause.Context, doc));
                    compared++;
                }
        Assert.True(compared > 20);
        Assert.True(File.Exists(Path.Combine(fixture.DataPath, KeptReadings.FileName)));
    }

    [Fact]
    public void Tệp_của_bản_dựng_khác_hay_bị_hỏng_thì_không_dùng()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kh57-readings-").FullName, KeptReadings.FileName);
        KeptReadings.Write(path, "bản dựng A", new KeptReadings.Kept("kho 1", new() { ["Uy ban nhan dan"] = "Ủy ban nhân dân" }));
        Assert.Equal("Ủy ban nhân dân", KeptReadings.Read(path, "bản dựng A")!.Readings["Uy ban nhan dan"]);
        Assert.Equal("kho 1", KeptReadings.Read(path, "bản dựng A")!.Corpus);
        Assert.Null(KeptReadings.Read(path, "bản dựng B"));
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..20]);
        Assert.Null(KeptReadings.Read(path, "bản dựng A"));
        Assert.Null(KeptReadings.Read(path + ".khong-co", "bản dựng A"));
    }
}
