using System.Text.Json;
using System.Text.Json.Serialization;

namespace KeHoach57.Retrieval.Qdrant.Api;

public static class QdrantJson
{
    /// <summary>Qdrant's REST names are snake_case; absent optional fields are left out rather than sent as null,
    /// because some of them (shard_number, modifier) mean "server default" only when missing.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
