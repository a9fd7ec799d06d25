using KeHoach57.Core;
using Microsoft.Extensions.Configuration;

namespace KeHoach57.Hosting;

public static class AssistantConfiguration
{
    /// <summary>
    /// The checkout's appsettings.json (then appsettings.{environment}.json), then user secrets and
    /// environment variables (Telegram__BotToken, Zalo__SecretKey, Llm__ApiKey…), then the command line.
    /// Secrets never live in the repository's files.
    /// </summary>
    public static IConfigurationBuilder AddAssistantConfiguration(this IConfigurationBuilder builder, string[]? args = null, string? environment = null)
    {
        var root = RepositoryPaths.FindRoot();
        if (root is not null)
        {
            builder.AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true, reloadOnChange: false);
            if (!string.IsNullOrEmpty(environment))
                builder.AddJsonFile(Path.Combine(root, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false);
        }
        builder.AddUserSecrets(typeof(AssistantConfiguration).Assembly, optional: true);
        builder.AddEnvironmentVariables();
        if (args is { Length: > 0 }) builder.AddCommandLine(args);
        return builder;
    }
}
