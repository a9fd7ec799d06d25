using KeHoach57.Answering;
using KeHoach57.Core.Documents;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Hosting;

public static class AssistantStartup
{
    /// <summary>Loads the corpus and makes sure the index matches it (rebuilding when corpus/ changed).</summary>
    public static async Task<Assistant> PrepareAssistantAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var corpus = services.GetRequiredService<Corpus>();
        await services.GetRequiredService<CorpusIndexer>().EnsureFreshAsync(corpus, cancellationToken);
        return services.GetRequiredService<Assistant>();
    }
}
