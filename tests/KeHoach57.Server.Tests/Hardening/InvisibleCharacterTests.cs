using System.Net;
using KeHoach57.Core.Text;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>Invisible marks inside words change nothing, in questions and documents alike (issue 15, finding 8).</summary>
public sealed class InvisibleCharacterTests
{
    public static TheoryData<string> Marks => new() { "\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", "\u00AD", "\u200E", "\u202E" };

    [Theory]
    [MemberData(nameof(Marks))]
    public void Bước_chuẩn_hóa_duy_nhất_bỏ_dấu_vô_hình(string mark) =>
        Assert.Equal("thủ tục hành chính", VietnameseText.Normalize($"th{mark}ủ tục hà{mark}nh chí{mark}nh"));

    [Fact]
    public async Task Dấu_vô_hình_trong_câu_hỏi_không_đổi_câu_trả_lời()
    {
        await using var factory = new AssistantServerFactory();
        using var client = await factory.CreateReadyClientAsync();

        var clean = await AskAsync(client, TestCorpus.YenHoaQuestion, TestCorpus.YenHoa);
        var marked = await AskAsync(client, string.Join(" \u200B", TestCorpus.YenHoaQuestion.Split(' ').Select(w => w.Length > 2 ? w[..2] + "\u200D" + w[2..] : w)).Replace("?", "\uFEFF?"), TestCorpus.YenHoa);

        Assert.True(clean.GetProperty("answered").GetBoolean());
        Assert.Equal(clean.Str("answer"), marked.Str("answer"));
        Assert.Equal(clean.Citations().Select(c => c.Str("chunk")), marked.Citations().Select(c => c.Str("chunk")));
    }

    [Fact]
    public async Task Dấu_vô_hình_trong_văn_bản_không_đổi_câu_trả_lời()
    {
        const string Plan = "---\nid: an-ninh\ntitle: Kế hoạch camera an ninh xã Phú Lâm\nissuer: UBND xã Phú Lâm\nlevel: xã\n---\n\n# I. Nhiệm vụ\n\n" +
            "Văn phòng UBND xã Phú Lâm chủ trì lắp đặt hệ thống camera giám sát an ninh tại 17 điểm công cộng, hoàn thành trước ngày 30/9/2026.\n";
        // Not a raw literal: the escapes must become the invisible characters themselves.
        var marked = Plan.Replace("camera", "ca\u200Bme\u200Dra").Replace("giám sát", "giá\u2060m s\u00ADát").Replace("hoàn thành", "hoàn\uFEFF thành");

        var fromClean = await AskPlanAsync(Plan);
        var fromMarked = await AskPlanAsync(marked);

        Assert.True(fromClean.GetProperty("answered").GetBoolean(), fromClean.ToString());
        Assert.Equal(fromClean.GetProperty("answered").GetBoolean(), fromMarked.GetProperty("answered").GetBoolean());
        Assert.Equal(fromClean.Str("answer"), fromMarked.Str("answer"));
        Assert.Equal(fromClean.Citations().Select(c => c.Str("chunk")), fromMarked.Citations().Select(c => c.Str("chunk")));
    }

    private static async Task<System.Text.Json.JsonElement> AskPlanAsync(string plan)
    {
        await using var factory = new AssistantServerFactory();
        await File.WriteAllTextAsync(Path.Combine(factory.Corpus.CorpusPath, "an-ninh.md"), plan, TestContext.Current.CancellationToken);
        using var client = await factory.CreateReadyClientAsync();
        return await AskAsync(client, "Hệ thống camera giám sát an ninh phải hoàn thành trước ngày nào?", "an-ninh");
    }

    private static async Task<System.Text.Json.JsonElement> AskAsync(HttpClient client, string question, string scope)
    {
        using var response = await client.PostJsonAsync("/api/ask", new { question, scope });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
