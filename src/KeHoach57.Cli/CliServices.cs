using KeHoach57.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Cli;

/// <summary>
/// The CLI's service container, built on first use so that `--help` costs nothing. Logs go to
/// stderr: stdout belongs to answers (the batch contract allows nothing else there).
/// </summary>
public static class CliServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var configurationBuilder = new ConfigurationBuilder().AddAssistantConfiguration();
        if (overrides is not null) configurationBuilder.AddInMemoryCollection(overrides);
        var configuration = configurationBuilder.Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddSimpleConsole(o => o.SingleLine = true);
            logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
            logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        services.AddAssistant(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>"--backend qdrant" and the like become configuration overrides.</summary>
    public static Dictionary<string, string?> Overrides(string? backend) =>
        backend is null ? [] : new() { ["Index:Backend"] = backend };
}
