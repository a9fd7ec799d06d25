namespace KeHoach57.Channels.Tests.Infrastructure;

/// <summary>Generous waits for replies sent asynchronously; never a timing assertion.</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<T> WaitAsync<T>(Func<T> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still waiting for {what} after {Patience.TotalSeconds:0} s");
            await Task.Delay(25);
        }
    }
}
