using System.Diagnostics;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>Files a careless or hostile drop can leave in corpus/: FIFOs and symbolic links (Unix only; skipped elsewhere).</summary>
public static class SpecialFiles
{
    public static void Fifo(string path)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "FIFOs need a Unix file system");
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public static void Link(string path, string target)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need a Unix file system here");
        File.CreateSymbolicLink(path, target);
    }
}
