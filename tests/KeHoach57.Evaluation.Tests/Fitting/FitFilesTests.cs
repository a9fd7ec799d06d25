using System.Text.Json.Nodes;
using KeHoach57.Evaluation.Fitting;

namespace KeHoach57.Evaluation.Tests.Fitting;

/// <summary>`eval fit --write` changes the numbers it fitted and nothing else in appsettings.json.</summary>
public class FitFilesTests
{
    private const string Settings = """
        {
          "Corpus": { "Path": "corpus" },
          "Selection": { "Passages": 6, "Coverage": 1.0 },
          "Logging": { "LogLevel": { "Default": "Warning" } }
        }
        """;

    [Fact]
    public void Phần_đã_có_được_thay_tại_chỗ_các_phần_khác_giữ_nguyên_từng_chữ()
    {
        var text = FitFiles.WithSection(Settings, "Selection", new JsonObject { ["Passages"] = 8, ["Coverage"] = 1.5 });
        Assert.Contains("\"Corpus\": { \"Path\": \"corpus\" },", text);
        Assert.Contains("\"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } }", text);
        var selection = JsonNode.Parse(text)!["Selection"]!;
        Assert.Equal(8, (int)selection["Passages"]!);
        Assert.Equal(1.5, (double)selection["Coverage"]!);
    }

    [Fact]
    public void Phần_chưa_có_được_thêm_vào_cuối()
    {
        var text = FitFiles.WithSection("""{ "Corpus": { "Path": "corpus" } }""", "Selection", new JsonObject { ["Passages"] = 8 });
        Assert.Equal(8, (int)JsonNode.Parse(text)!["Selection"]!["Passages"]!);
        Assert.Equal("corpus", (string)JsonNode.Parse(text)!["Corpus"]!["Path"]!);
    }
}
