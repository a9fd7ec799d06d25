using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KeHoach57.Answering.Batch;
using KeHoach57.Tests.Shared;

namespace KeHoach57.Cli.Tests;

/// <summary>The `ask --batch --json` contract that tools outside the project read.</summary>
public class BatchContractTests : IAsyncLifetime
{
    private TestAssistant _test = null!;

    public async ValueTask InitializeAsync() => _test = await TestAssistant.CreateAsync();

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    private async Task<List<JsonElement>> RunAsync(byte[] input)
    {
        var lines = new List<JsonElement>();
        await foreach (var answer in new BatchRunner(_test.Assistant).RunAsync(new MemoryStream(input), TestContext.Current.CancellationToken))
            lines.Add(JsonDocument.Parse(answer.ToJson()).RootElement.Clone());
        return lines;
    }

    private static byte[] Jsonl(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    [Fact]
    public async Task Mỗi_dòng_vào_cho_một_dòng_ra_cùng_thứ_tự_với_đủ_trường()
    {
        var output = await RunAsync(Jsonl(
            """{"id": "a", "question": "Hạn báo cáo 6 tháng là ngày nào?", "scope": "yen-hoa"}""",
            """{"id": "b", "question": "han bao cao 6 thang la ngay nao", "scope": null}"""));

        Assert.Equal(["a", "b"], output.Select(o => o.GetProperty("id").GetString()));
        foreach (var line in output)
        {
            foreach (var field in new[] { "id", "question", "answered", "answer", "citations", "latency_ms" })
                Assert.True(line.TryGetProperty(field, out _), $"thiếu trường {field}");
            Assert.True(line.GetProperty("answered").GetBoolean());
            var citation = line.GetProperty("citations")[0];
            foreach (var field in new[] { "doc", "title", "section", "quote", "passage", "score" })
                Assert.True(citation.TryGetProperty(field, out _), $"trích dẫn thiếu trường {field}");
            Assert.Equal("yen-hoa", citation.GetProperty("doc").GetString());
        }
    }

    [Fact]
    public async Task Dòng_hỏng_cho_dòng_lỗi_và_lượt_chạy_vẫn_tiếp_tục()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Jsonl("{not json", """{"id": "empty", "question": "   "}""", """{"id": "scope", "question": "Hạn báo cáo?", "scope": "ha-noi"}"""));
        bytes.AddRange([0xC3, 0x28, 0xFF, (byte)'\n']); // not UTF-8
        bytes.AddRange(Jsonl($$"""{"id": "huge", "question": "{{new string('a', 10 * 1024 * 1024)}}"}""", """{"id": "ok", "question": "Hạn báo cáo 6 tháng là ngày nào?", "scope": "yen-hoa"}"""));

        var output = await RunAsync(bytes.ToArray());

        Assert.Equal(6, output.Count);
        foreach (var line in output.Take(5))
        {
            Assert.False(line.GetProperty("answered").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("error").GetString()));
        }
        Assert.Contains("JSON", output[0].GetProperty("error").GetString());
        Assert.Contains("ha-noi", output[2].GetProperty("error").GetString());
        Assert.Contains("UTF-8", output[3].GetProperty("error").GetString());
        Assert.Contains("quá dài", output[4].GetProperty("error").GetString());
        Assert.True(output[5].GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task Lệnh_CLI_chỉ_in_các_dòng_JSON_ra_stdout_và_thoát_0()
    {
        var input = Path.GetTempFileName();
        await File.WriteAllBytesAsync(input, Jsonl("""{"id": "1", "question": "Hạn báo cáo năm là ngày nào?", "scope": "yen-hoa"}""", "{broken"), TestContext.Current.CancellationToken);
        var cli = Path.Combine(AppContext.BaseDirectory, "KeHoach57.Cli.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "ask", "--batch", input, "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["Index__DataPath"] = _test.DataPath;
        start.Environment["Corpus__Path"] = TestAssistant.RepositoryCorpus;
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l));
        File.Delete(input);
    }
}
