using System.Diagnostics;
using System.Text;

namespace KeHoach57.Ingestion.Formats;

/// <summary>
/// Runs a Debian command-line tool (pdftotext, pdftoppm, tesseract) on a file we wrote: arguments as a
/// list (no shell), a time limit, and a bound on what it may print. The document is only ever read by
/// these tools, never opened in a viewer or executed.
/// </summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, byte[] Output, string Errors);

    /// <summary>The full path of <paramref name="command"/> (a path, or a name looked up on PATH); null when it is not installed.</summary>
    public static string? Find(string command)
    {
        if (command.Contains('/')) return File.Exists(command) ? command : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <exception cref="TimeoutException">The tool ran longer than <paramref name="timeout"/> (it is killed).</exception>
    /// <exception cref="InvalidDataException">The tool printed more than <paramref name="maxOutputBytes"/> (it is killed).</exception>
    public static async Task<Result> RunAsync(string path, IEnumerable<string> arguments, TimeSpan timeout, long maxOutputBytes, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Tesseract would start one thread per core for each page; pages are already run one at a time.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        process.StandardInput.Close();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            var output = ReadBoundedAsync(process.StandardOutput.BaseStream, maxOutputBytes, timer.Token);
            var errors = ReadBoundedAsync(process.StandardError.BaseStream, 64 * 1024, timer.Token);
            await process.WaitForExitAsync(timer.Token);
            return new Result(process.ExitCode, await output, Encoding.UTF8.GetString(await errors));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill(process);
            throw new TimeoutException($"{Path.GetFileName(path)} did not finish within {timeout.TotalSeconds:0} s");
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream stream, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) throw new InvalidDataException($"tool output exceeds {max} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void Kill(Process process)
    {
        try { if (!process.HasExited) process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }
}
