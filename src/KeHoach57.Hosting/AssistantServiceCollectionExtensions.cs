using KeHoach57.Answering;
using KeHoach57.Retrieval.Query;
using KeHoach57.Retrieval.Ranking;
using KeHoach57.Conversations;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Ingestion;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Embedded;
using KeHoach57.Retrieval.Qdrant;
using KeHoach57.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KeHoach57.Hosting;

public static class AssistantServiceCollectionExtensions
{
    /// <summary>The whole answering stack as every entry point (CLI, server, bots, eval) uses it.</summary>
    public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.Section))
            .PostConfigure<Microsoft.Extensions.Options.IOptions<IndexOptions>>((corpus, index) =>
            {
                // The parsed corpus is kept beside the index unless configured elsewhere.
                if (corpus.CacheFolder.Length == 0) corpus.CacheFolder = index.Value.DataPath;
            });
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section));
        services.AddOptions<WarmUpOptions>().Bind(configuration.GetSection(WarmUpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RankingOptions>().Bind(configuration.GetSection(RankingOptions.Section));
        services.AddOptions<ChunkingOptions>().Bind(configuration.GetSection(ChunkingOptions.Section));
        services.AddLogging();

        services.TryAddSingleton(Glossary.Default);
        services.TryAddSingleton(sp => configuration.GetSection(AnalyzerOptions.Section).Get<AnalyzerOptions>() ?? new AnalyzerOptions());
        services.TryAddSingleton(sp => new VietnameseAnalyzer(sp.GetRequiredService<Glossary>(), sp.GetRequiredService<AnalyzerOptions>()));
        services.TryAddSingleton<CorpusLoader>();
        services.TryAddSingleton<Corpus>(sp => sp.GetRequiredService<CorpusLoader>().Load());

        var backend = configuration[$"{IndexOptions.Section}:{nameof(IndexOptions.Backend)}"] ?? "embedded";
        if (string.Equals(backend, "qdrant", StringComparison.OrdinalIgnoreCase))
            services.AddQdrantSearchIndex(configuration);
        else
            services.TryAddSingleton<ISearchIndex, EmbeddedIndex>();

        services.AddEmbeddings(configuration);
        services.TryAddSingleton<CorpusIndexer>();
        services.TryAddSingleton<Vocabulary>();
        services.TryAddSingleton<QueryBuilder>();
        services.TryAddSingleton<PassageFeatureScorer>();
        services.TryAddSingleton<Retriever>();
        services.AddAnswering(configuration);
        services.AddOptionalLlm(configuration);
        services.AddTraining(configuration);
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        services.TryAddSingleton(TimeProvider.System);

        // Everything built from the corpus moves into swappable stacks; the holder serves the current one.
        services.TryAddSingleton(AnsweringStackBlueprint.Capture(services));
        services.TryAddSingleton<AssistantHolder>();
        services.TryAddSingleton<IAssistantSource>(sp => sp.GetRequiredService<AssistantHolder>());
        services.TryAddSingleton(sp => new ConversationService(
            sp.GetRequiredService<IAssistantSource>(), sp.GetRequiredService<IConversationStore>(), sp.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>Importing a new plan into the corpus being served (the server's upload): the file import and the live swap.</summary>
    public static IServiceCollection AddLivePlanImport(this IServiceCollection services)
    {
        services.AddPlanImport();
        services.TryAddSingleton<LivePlanImport>();
        return services;
    }
}
