using System.Runtime.InteropServices;

namespace KeHoach57.Benchmarks;

/// <summary>
/// CPU time of the calling thread in milliseconds (Linux CLOCK_THREAD_CPUTIME_ID, nanosecond resolution): on a machine
/// shared with other work, it counts what this thread did and not the time it waited for a core. Wall time where the
/// clock is not available.
/// </summary>
public static partial class ThreadClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static readonly bool IsCpuTime = OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out _) == 0;

    public static double NowMs()
    {
        if (!IsCpuTime) return System.Diagnostics.Stopwatch.GetTimestamp() * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        ClockGetTime(ClockThreadCpuTime, out var t);
        return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
    }
}
