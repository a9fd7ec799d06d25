using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace KeHoach57.LoadTest;

/// <summary>
/// What the process spent between two points: CPU time (all threads: server, load generator, GC, JIT), bytes
/// allocated, collections and their pauses, methods the JIT compiled. On a shared machine the wall-clock figures
/// count waiting for a core; these do not, so they say what a request costs.
/// </summary>
public readonly record struct ProcessCost(TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause,
    long JitMethods, TimeSpan JitTime)
{
    public static ProcessCost Now()
    {
        using var self = Process.GetCurrentProcess();
        return new(self.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1),
            GC.CollectionCount(2), GC.GetTotalPauseDuration(), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
    }

    public static ProcessCost operator -(ProcessCost after, ProcessCost before) => new(after.Cpu - before.Cpu,
        after.AllocatedBytes - before.AllocatedBytes, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2,
        after.GcPause - before.GcPause, after.JitMethods - before.JitMethods, after.JitTime - before.JitTime);

    /// <summary>The machine's 1-minute load average (Linux), so a figure taken on a busy machine says so.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    public static string GcMode => $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}";
}
