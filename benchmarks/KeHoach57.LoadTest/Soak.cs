using System.Diagnostics;
using System.Globalization;

namespace KeHoach57.LoadTest;

/// <summary>
/// A long run in slices: after each slice one line with the slice's rate and p95, the process's memory and the
/// conversation store's size on disk, so growth over time shows (or does not). Server and load share the process, so the
/// memory is both; the database figures are the server's alone.
/// </summary>
public static class Soak
{
    public static async Task<bool> RunAsync(HttpClient client, IReadOnlyList<(string Question, string? Scope)> mix, LoadOptions options,
        string dataPath, CancellationToken stop)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("requests  req/s   p95 ms  rss MB  heap MB  conversations.db KB  errors");
        var done = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        while (done < options.Requests && !stop.IsCancellationRequested)
        {
            var slice = Math.Min(options.SampleEvery, options.Requests - done);
            var result = await LoadRun.RunAsync(client, mix, slice, options.Concurrency, stop);
            done += result.Sent;
            errors += result.Errors.Values.Sum();
            // Settle first: what is measured is what stays, not garbage not yet collected.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Format(invariant, "{0,8}  {1,5:0}  {2,7:0.0}  {3,6:0}  {4,7:0}  {5,19:0}  {6,6}",
                done, result.RequestsPerSecond, result.Percentile(0.95), self.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0,
                Kilobytes(dataPath, "conversations.db"), errors));
        }
        Console.WriteLine(string.Format(invariant, "Total    {0} requests in {1:0.0} s ({2:0.0} req/s overall), {3} errors{4}",
            done, clock.Elapsed.TotalSeconds, done / clock.Elapsed.TotalSeconds, errors, stop.IsCancellationRequested ? " (stopped at the time limit)" : ""));
        return errors == 0;
    }

    /// <summary>The database with its WAL and shared-memory files: what it takes on disk.</summary>
    private static double Kilobytes(string folder, string name) =>
        new[] { name, name + "-wal", name + "-shm" }.Select(f => Path.Combine(folder, f)).Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1024.0;
}
