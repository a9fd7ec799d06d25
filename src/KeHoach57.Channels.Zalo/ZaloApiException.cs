namespace KeHoach57.Channels.Zalo;

/// <summary>Zalo answered with an error code (its APIs report most errors in a 200 body: {"error": -216, "message": …}).</summary>
public sealed class ZaloApiException(int code, string message) : Exception($"Zalo error {code}: {message}")
{
    public int Code { get; } = code;
}
