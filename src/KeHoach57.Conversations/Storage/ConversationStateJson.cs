using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;

namespace KeHoach57.Conversations;

/// <summary>
/// How every durable store keeps a conversation's state: one JSON document per row, so the state's shape can grow
/// without migrations; a row that no longer reads is treated as a fresh conversation, never as an error.
/// </summary>
internal static class ConversationStateJson
{
    // Vietnamese written as it is, not as \uXXXX escapes (the row is never put in a page): a smaller string to build and to
    // store for every turn. Rows written with escapes read back the same.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Write(ConversationState state) => JsonSerializer.Serialize(state, Json);

    public static ConversationState? Read(string id, string json, ILogger logger)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationState>(json, Json) is { } state ? state with { Id = id } : null;
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Stored state of {Conversation} could not be read; starting it afresh", id);
            return null;
        }
    }
}
