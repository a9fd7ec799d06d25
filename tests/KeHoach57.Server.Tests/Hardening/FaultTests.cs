using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>
/// The server as a separate process, killed with SIGKILL in the middle of work and started again on the same
/// data folder: during a reindex the previous index keeps serving; during conversation and feedback writes the
/// SQLite files pass PRAGMA integrity_check and nothing acknowledged is lost.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private readonly TestCorpus _corpus = TestCorpus.Create();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Kill_9_khi_đang_ghi_hội_thoại_và_góp_ý_không_mất_gì_đã_xác_nhận_và_SQLite_còn_nguyên()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGKILL is a Unix signal");
        var settledConversations = new List<string>();
        var acknowledgedFeedback = new List<long>();
        await using (var first = await ServerProcess.StartAsync(_corpus.CorpusPath, _corpus.DataPath))
        {
            // Settled: asked, then given time for the background writer (it flushes within milliseconds).
            for (var i = 0; i < 20; i++) settledConversations.Add((await first.AskAsync()).ConversationId);
            await Task.Delay(1500, TestContext.Current.CancellationToken);

            // Then a storm of questions and 👍, killed mid-flight.
            using var storm = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!storm.IsCancellationRequested)
                {
                    try
                    {
                        var (conversation, answer) = await first.AskAsync();
                        var id = await first.FeedbackAsync(conversation, answer);
                        if (id is { } stored) lock (acknowledgedFeedback) acknowledgedFeedback.Add(stored);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException) { return; }
                }
            })).ToList();
            await Task.Delay(2000, TestContext.Current.CancellationToken);
            first.Kill();
            storm.Cancel();
            await Task.WhenAll(workers);
        }
        Assert.NotEmpty(acknowledgedFeedback);

        SqliteConnection.ClearAllPools();
        await using var second = await ServerProcess.StartAsync(_corpus.CorpusPath, _corpus.DataPath);
        await Answers.StillAnswersAsync(second.Client);

        foreach (var file in new[] { "conversations.db", "feedback.db" })
            Assert.Equal("ok", Scalar(Path.Combine(_corpus.DataPath, file), "PRAGMA integrity_check"));
        var conversations = Path.Combine(_corpus.DataPath, "conversations.db");
        foreach (var id in settledConversations)
            Assert.Equal(1L, Scalar(conversations, $"SELECT count(*) FROM conversations WHERE id = 'web:{id}'"));
        var feedback = Path.Combine(_corpus.DataPath, "feedback.db");
        foreach (var id in acknowledgedFeedback)
            Assert.Equal(1L, Scalar(feedback, $"SELECT count(*) FROM feedback WHERE id = {id}"));
    }

    [Fact]
    public async Task Kill_9_khi_đang_lập_lại_chỉ_mục_thì_chỉ_mục_trước_vẫn_phục_vụ()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGKILL is a Unix signal");
        await using (var first = await ServerProcess.StartAsync(_corpus.CorpusPath, _corpus.DataPath))
            await Answers.StillAnswersAsync(first.Client);
        var index = Path.Combine(_corpus.DataPath, "embedded-index.bin");
        var before = await File.ReadAllBytesAsync(index, TestContext.Current.CancellationToken);

        // A big new plan makes the rebuild take seconds; the process is killed as soon as it starts rebuilding.
        await File.WriteAllTextAsync(Path.Combine(_corpus.CorpusPath, "lon.md"), BigPlan(), TestContext.Current.CancellationToken);
        await using (var rebuilding = await ServerProcess.StartAsync(_corpus.CorpusPath, _corpus.DataPath, waitUntilReady: false))
        {
            await rebuilding.WaitForLogAsync("rebuilding from corpus", TimeSpan.FromMinutes(2));
            rebuilding.Kill();
        }
        Assert.Equal(before, await File.ReadAllBytesAsync(index, TestContext.Current.CancellationToken));

        // Restarted where corpus/ cannot be read: the previous index (and its corpus snapshot) serves.
        await using var after = await ServerProcess.StartAsync(Path.Combine(_corpus.Root, "khong-co"), _corpus.DataPath);
        using var health = await after.Client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal("degraded", (await health.ReadJsonAsync()).Str("status"));
        await Answers.StillAnswersAsync(after.Client);
    }

    private static string BigPlan()
    {
        var text = new StringBuilder("---\nid: lon\ntitle: Kế hoạch rất dài\n---\n\n");
        for (var section = 0; section < 1500; section++)
        {
            text.Append("# ").Append(section + 1).Append(". Nhiệm vụ chuyển đổi số số ").Append(section).Append("\n\n");
            for (var p = 0; p < 4; p++)
                text.Append("Ủy ban nhân dân xã triển khai nền tảng số dùng chung, đào tạo kỹ năng số cho cán bộ, công chức, bảo đảm an toàn thông tin mạng, đạt chỉ tiêu ")
                    .Append(section % 100).Append("% trong năm ").Append(2025 + p).Append(".\n\n");
        }
        return text.ToString();
    }

    private static object? Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>KeHoach57.Server.dll from this test's output, run with `dotnet` on a free loopback port.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        private ServerProcess(Process process, Uri address)
        {
            _process = process;
            Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public HttpClient Client { get; }

        public static async Task<ServerProcess> StartAsync(string corpus, string data, bool waitUntilReady = true)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KeHoach57.Server.dll"));
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["Corpus__Path"] = corpus;
            start.Environment["Index__DataPath"] = data;
            start.Environment["RateLimit__Enabled"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__KeHoach57"] = "Information";
            var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
            if (waitUntilReady) await server.WaitUntilReadyAsync();
            return server;
        }

        public async Task<(string ConversationId, string AnswerId)> AskAsync()
        {
            using var response = await Client.PostAsJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
            response.EnsureSuccessStatusCode();
            var body = await response.ReadJsonAsync();
            return (body.Str("conversationId"), body.Str("answerId"));
        }

        /// <returns>The stored id when the server acknowledged (200), else null.</returns>
        public async Task<long?> FeedbackAsync(string conversationId, string answerId)
        {
            using var response = await Client.PostAsJsonAsync("/api/feedback", new { conversationId, answerId, helpful = true });
            if (response.StatusCode != HttpStatusCode.OK) return null;
            return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
        }

        public void Kill() => _process.Kill(entireProcessTree: false); // SIGKILL on Unix

        public async Task WaitForLogAsync(string fragment, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                lock (_log) if (_log.ToString().Contains(fragment, StringComparison.OrdinalIgnoreCase)) return;
                if (_process.HasExited) break;
                await Task.Delay(20);
            }
            lock (_log) Assert.Fail($"the server never logged \"{fragment}\":\n{_log}");
        }

        private async Task WaitUntilReadyAsync()
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (_process.HasExited) break;
                try
                {
                    using var response = await Client.GetAsync("/health");
                    if (response.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                await Task.Delay(100);
            }
            lock (_log) Assert.Fail("the server did not become ready:\n" + _log);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
    }
}
