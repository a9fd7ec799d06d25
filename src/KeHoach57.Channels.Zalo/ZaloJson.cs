using System.Text.Json;

namespace KeHoach57.Channels.Zalo;

/// <summary>Lenient reading of Zalo's JSON, which sends numbers as strings in some places and as numbers in others.</summary>
internal static class ZaloJson
{
    public static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    public static string? Scalar(JsonElement parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };
}
