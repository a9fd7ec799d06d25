using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Retrieval.Qdrant;

public static class QdrantServiceCollectionExtensions
{
    /// <summary>Registers Qdrant as the <see cref="ISearchIndex"/>. (Filled in by the Qdrant backend work.)</summary>
    public static IServiceCollection AddQdrantSearchIndex(this IServiceCollection services, IConfiguration configuration) =>
        throw new NotSupportedException("The Qdrant backend is not built yet.");
}
