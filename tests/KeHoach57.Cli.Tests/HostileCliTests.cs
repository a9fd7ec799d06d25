using System.Diagnostics;
using System.Text;
using System.Text.Json;
using KeHoach57.Answering.Batch;
using KeHoach57.Tests.Shared;

namespace KeHoach57.Cli.Tests;

/// <summary>
/// Hostile input to the command line: batch lines and arguments. Each gets its message (an error line or an
/// exit code with a Vietnamese reason, never a stack trace), and a good question is still answered after it.
/// </summary>
public sealed class HostileCliTests : IAsyncLifetime
{
    private const string Good = """{"id": "tot", "question": "Hạn báo cáo 6 tháng là ngày nào?", "scope": "yen-hoa"}""";
    private TestAssistant _test = null!;

    public async ValueTask InitializeAsync() => _test = await TestAssistant.CreateAsync();

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    private static readonly Dictionary<string, (byte[] Line, string Error)> Lines = new()
    {
        ["ký tự điều khiển"] = (U("""{"id": "x", "question": "\u0001\u0002\u001b\u007f"}"""), "không có chữ"),
        ["10.000 emoji"] = (U("{\"id\": \"x\", \"question\": \"" + string.Concat(Enumerable.Repeat("😀", 10_000)) + "\"}"), "quá dài"),
        ["mảng thay vì đối tượng"] = (U("""[{"id": "x", "question": "a"}]"""), "JSON"),
        ["lồng 5.000 tầng"] = (U("{\"id\": \"x\", \"question\": " + new string('[', 5000) + new string(']', 5000) + "}"), "JSON"),
        ["question là số"] = (U("""{"id": "x", "question": 12}"""), "JSON"),
        ["scope là đối tượng"] = (U("""{"id": "x", "question": "Hạn báo cáo?", "scope": {"a": 1}}"""), "JSON"),
        ["Windows-1258"] = ([.. "{\"id\": \"x\", \"question\": \"B"u8, 0xE1, 0x6F, 0x20, 0x63, 0xE1, 0x6F, .. "\"}"u8], "UTF-8"),
        ["chỉ dấu vô hình"] = (U("{\"id\": \"x\", \"question\": \"\u200B\uFEFF\u200D\"}"), "trống"),
    };

    public static TheoryData<string> LineNames => new(Lines.Keys);

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [MemberData(nameof(LineNames))]
    public async Task Dòng_batch_thù_địch_cho_dòng_lỗi_rõ_ràng_và_dòng_sau_vẫn_được_trả_lời(string name)
    {
        var (line, error) = Lines[name];
        var input = new MemoryStream([.. line, (byte)'\n', .. U(Good), (byte)'\n']);
        var output = new List<JsonElement>();
        await foreach (var answer in new BatchRunner(_test.Assistant).RunAsync(input, TestContext.Current.CancellationToken))
            output.Add(JsonDocument.Parse(answer.ToJson()).RootElement.Clone());

        Assert.Equal(2, output.Count);
        Assert.False(output[0].GetProperty("answered").GetBoolean());
        Assert.Contains(error, output[0].GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(output[1].GetProperty("answered").GetBoolean(), output[1].ToString());
        Assert.Contains("10/6", output[1].GetProperty("answer").GetString());
    }

    public static TheoryData<string[], int, string> Arguments => new()
    {
        { ["khong-co-lenh"], 1, "khong-co-lenh" },
        { ["ask"], 2, "Hãy nhập câu hỏi" },
        { ["ask", "Hạn báo cáo?", "--scope", "../../etc/passwd"], 1, "Không có kế hoạch" },
        { ["ask", "--batch", "/khong/co/tep.jsonl"], 2, "Không tìm thấy tệp" },
        { ["ask", "--batch", "/tmp"], 2, "Không tìm thấy tệp" },
        { ["ask", "\u0001\u0002"], 1, "không có chữ" },
        { ["quiz", "--kind", "bài hát"], 2, "Không có loại câu hỏi" },
        { ["quiz", "--level", "<script>"], 2, "Không có mức" },
        { ["quiz", "--plan", "khong-co", "--list"], 1, "Không có câu hỏi nào khớp" },
        { ["summary", "../../etc/passwd"], 2, "Không có kế hoạch" },
    };

    [Theory]
    [MemberData(nameof(Arguments))]
    public async Task Tham_số_thù_địch_cho_mã_thoát_và_lý_do_rồi_câu_hỏi_tốt_vẫn_được_trả_lời(string[] args, int exitCode, string message)
    {
        var bad = await RunCliAsync(args);
        Assert.Equal(exitCode, bad.ExitCode);
        Assert.Contains(message, bad.Stdout + bad.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", bad.Stderr);

        var good = await RunCliAsync(["ask", "Hạn báo cáo 6 tháng là ngày nào?", "--scope", "yen-hoa", "--json"]);
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("10/6", good.Stdout);
    }

    [Fact]
    public async Task Lệnh_quiz_và_summary_in_câu_hỏi_bản_xuất_và_bản_tóm_tắt()
    {
        var stats = await RunCliAsync(["quiz", "--stats", "--plain"]);
        Assert.Equal(0, stats.ExitCode);
        Assert.Matches(@"^\d+ câu hỏi", stats.Stdout);
        Assert.Contains("yen-hoa", stats.Stdout);

        var gift = await RunCliAsync(["quiz", "--plan", "yen-hoa", "--kind", "hạn", "--export", "gift"]);
        Assert.Equal(0, gift.ExitCode);
        var read = KeHoach57.Training.Exports.GiftReader.Read(gift.Stdout);
        Assert.NotEmpty(read);
        Assert.All(read, q => Assert.Single(q.Answers, a => a.Right));

        var summary = await RunCliAsync(["summary", "yen-hoa"]);
        Assert.Equal(0, summary.ExitCode);
        Assert.StartsWith("<!doctype html>", summary.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Lịch báo cáo", summary.Stdout);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "KeHoach57.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Index__DataPath"] = _test.DataPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
