using System.Text.Encodings.Web;
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
        // Vietnamese payload text travels as UTF-8, not \uXXXX escapes that would triple batch sizes; the body
        // goes to an API, never into HTML, so the relaxed encoder is safe here.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
