using KeHoach57.Answering;
using KeHoach57.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Hosting;

public static class AssistantStartup
{
    /// <summary>Loads the corpus and makes sure the index matches it (rebuilding when corpus/ changed), once per
    /// provider; later calls return the assistant answering now. Throws <see cref="AssistantUnavailableException"/>
    /// when there is nothing to answer from.</summary>
    public static Task<Assistant> PrepareAssistantAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<AssistantHolder>().ReadyAsync(cancellationToken);
}
