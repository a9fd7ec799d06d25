using Qdrant.Client.Grpc;

namespace KeHoach57.Retrieval.Qdrant;

/// <summary>Reading typed fields back out of a Qdrant payload, where a missing or mistyped field reads as null.</summary>
internal static class PayloadFields
{
    public static string? Text(IReadOnlyDictionary<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    public static long? Integer(IReadOnlyDictionary<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.IntegerValue ? value.IntegerValue : null;

    public static IReadOnlyDictionary<string, Value>? Struct(IReadOnlyDictionary<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StructValue ? value.StructValue.Fields : null;
}
