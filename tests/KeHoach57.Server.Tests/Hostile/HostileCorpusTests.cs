using System.Diagnostics;
using System.Net;
using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests.Hostile;

/// <summary>
/// Hostile files in corpus/ and data/: each is skipped or repaired, the three good plans still load, and the
/// service answers a good question.
/// </summary>
public sealed class HostileCorpusTests
{
    private static readonly Dictionary<string, Action<TestCorpus>> Cases = new()
    {
        ["tệp rỗng"] = c => File.WriteAllText(Path.Combine(c.CorpusPath, "rong.md"), ""),
        ["chỉ có khoảng trắng"] = c => File.WriteAllText(Path.Combine(c.CorpusPath, "trang.md"), " \n\t\n "),
        ["tệp nhị phân (zip)"] = c => File.WriteAllBytes(Path.Combine(c.CorpusPath, "nen.md"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xFE]),
        ["tệp 50 MB"] = c => { using var f = File.Create(Path.Combine(c.CorpusPath, "khong-lo.md")); f.SetLength(50L * 1024 * 1024); },
        ["mã hóa Windows-1258"] = c => File.WriteAllBytes(Path.Combine(c.CorpusPath, "cp1258.txt"), [0x4B, 0xEA, 0x20, 0x68, 0x6F, 0x1EA1 & 0xFF, 0xD2, 0xF5, 0xFE]),
        ["front matter hỏng"] = c => File.WriteAllText(Path.Combine(c.CorpusPath, "hong.md"), "---\nid: [khong dong\ntitle: \"mo ngoac\n---\n\n# I\n\nx\n"),
        ["thư mục mang đuôi .md"] = c => Directory.CreateDirectory(Path.Combine(c.CorpusPath, "thu-muc.md")),
        ["liên kết tới chỗ không có"] = c => SpecialFiles.Link(Path.Combine(c.CorpusPath, "mat.md"), "/khong/co/gi.md"),
        ["liên kết vòng"] = c => { SpecialFiles.Link(Path.Combine(c.CorpusPath, "vong-a.md"), Path.Combine(c.CorpusPath, "vong-b.md")); SpecialFiles.Link(Path.Combine(c.CorpusPath, "vong-b.md"), Path.Combine(c.CorpusPath, "vong-a.md")); },
        ["liên kết tới thiết bị vô tận"] = c => SpecialFiles.Link(Path.Combine(c.CorpusPath, "zero.md"), "/dev/zero"),
        ["FIFO"] = c => SpecialFiles.Fifo(Path.Combine(c.CorpusPath, "ong.md")),
        ["chỉ mục {}"] = c => File.WriteAllText(Path.Combine(c.DataPath, "embedded-index.bin"), "{}"),
        ["chỉ mục cụt"] = c => File.WriteAllText(Path.Combine(c.DataPath, "embedded-index.bin"), "{\"Fingerprint\":\"x\",\"BuiltAt\":\"2025-01-01T00:00:00Z\",\"Documents\":[{\"Id\":\"a\""),
        ["ảnh chụp corpus hỏng"] = c => File.WriteAllBytes(Path.Combine(c.DataPath, "corpus-snapshot.bin"), [0x08, 0x4B, 0x48, 0x35, 0x37, 0x53, 0x4E, 0x41, 0x50, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFF]),
        ["ảnh chụp corpus JSON cũ hỏng"] = c => File.WriteAllText(Path.Combine(c.DataPath, "corpus-snapshot.json"), "{\"fingerprint\": 12, \"documents\": \"x\"}"),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Tệp_thù_địch_bị_bỏ_qua_ba_kế_hoạch_tốt_vẫn_trả_lời(string name)
    {
        await using var factory = new AssistantServerFactory();
        var clock = Stopwatch.StartNew();
        Cases[name](factory.Corpus);

        using var client = await factory.CreateReadyClientAsync();

        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var report = await health.ReadJsonAsync();
        Assert.Equal("ready", report.Str("status"));
        Assert.Equal(3, report.GetProperty("documents").GetInt32());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"loading took {clock.Elapsed}");
        await Answers.StillAnswersAsync(client);
    }
}
