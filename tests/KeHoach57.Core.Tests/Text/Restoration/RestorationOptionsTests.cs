using KeHoach57.Core.Text.Restoration;
using Microsoft.Extensions.Options;

namespace KeHoach57.Core.Tests.Text.Restoration;

public class RestorationOptionsTests
{
    private static readonly RestorationOptions Gate = RestorationOptions.Default with
    {
        MinConfidence = 0.75, MinLetterConfidence = 0.98, MinUnsupportedConfidence = 0.9,
    };

    private static ProposedSyllable Proposal(string source, string? reading, double confidence, bool letterChange = false, bool supported = true) =>
        new(0, source.Length, source, reading, confidence, letterChange, supported);

    [Fact]
    public void Tệp_tùy_chọn_đi_kèm_hợp_lệ_và_đòi_đổi_chữ_chắc_hơn_đổi_dấu()
    {
        var options = RestorationOptions.Default;
        Assert.True(new RestorationOptionsValidator().Validate(null, options).Succeeded);
        Assert.InRange(options.MinConfidence, 0.5, 1);
        Assert.True(options.MinLetterConfidence >= options.MinConfidence);
        var path = Path.Combine(RepositoryPaths.FindRoot()!, RestorationOptions.RelativePath);
        Assert.Equal(options, RestorationOptions.Parse(File.ReadAllText(path)));
    }

    [Fact]
    public void Đọc_không_đủ_chắc_thì_giữ_nguyên_chữ_OCR()
    {
        Assert.Equal("cụ", Proposal("cu", "cụ", 0.80).Under(Gate).Restored);
        Assert.Equal("cu", Proposal("cu", "có", 0.60).Under(Gate).Restored);
        // A change of letters ("ve" → "và") asks more than a change of marks.
        Assert.Equal("ve", Proposal("ve", "và", 0.96, letterChange: true).Under(Gate).Restored);
        Assert.Equal("và", Proposal("ve", "và", 0.99, letterChange: true).Under(Gate).Restored);
        // So does a reading no pair of the clean text vouches for.
        Assert.Equal("tu", Proposal("tu", "tư", 0.85, supported: false).Under(Gate).Restored);
        // Nothing to propose (an unknown word, a number): the source stays whatever the confidence.
        Assert.Equal("sandbox", Proposal("sandbox", null, 1).Under(Gate).Restored);
        Assert.False(Proposal("cu", "có", 0.60).Under(Gate).Changed);
    }

    [Theory]
    [InlineData("""{ "MinConfidence": 1.5, "MinLetterConfidence": 1.5, "MinUnsupportedConfidence": 0, "ChannelWeight": 8, "LostMarkCost": 0.05 }""", "MinConfidence")]
    [InlineData("""{ "MinConfidence": 0.3, "MinLetterConfidence": 0.9, "MinUnsupportedConfidence": 0, "ChannelWeight": 8, "LostMarkCost": 0.05 }""", "at least 0.5")]
    [InlineData("""{ "MinConfidence": 0.9, "MinLetterConfidence": 0.8, "MinUnsupportedConfidence": 0, "ChannelWeight": 8, "LostMarkCost": 0.05 }""", "MinLetterConfidence")]
    [InlineData("""{ "MinConfidence": 0.8, "MinLetterConfidence": 0.9, "MinUnsupportedConfidence": 0, "ChannelWeight": -1, "LostMarkCost": 0.05 }""", "ChannelWeight")]
    [InlineData("""{ "MinConfidence": 0.8, "MinLetterConfidence": 0.9, "ChannelWeight": 8, "LostMarkCost": 0.05 }""", "MinUnsupportedConfidence")]
    [InlineData("""{ "MinConfidence": 0.8, "MinLetterConfidence": 0.9, "MinUnsupportedConfidence": 0, "ChannelWeight": 8, "LostMarkCost": 0.5 }""", "LostMarkCost")]
    [InlineData("""{ "MinConfidence": "cao", """, "restoration-options.json")]
    [InlineData("null", "empty")]
    public void Tệp_tùy_chọn_sai_bị_từ_chối_và_nói_rõ_chỗ_sai(string json, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => RestorationOptions.Parse(json));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Tùy_chọn_ghi_ra_rồi_đọc_lại_vẫn_như_cũ()
    {
        var written = Gate.ToJson("thử");
        Assert.Contains("\"_why\": \"thử\"", written);
        Assert.Equal(Gate, RestorationOptions.Parse(written));
    }
}
