using Grpc.Core;

namespace KeHoach57.Retrieval.Qdrant.Tests.Fake;

/// <summary>What the fake does to one scripted call instead of (or besides) answering it.</summary>
public abstract record Fault
{
    /// <summary>Ends the call with this status before doing anything, as an overloaded or partitioned server does.</summary>
    public static Fault Status(StatusCode code, string detail, params (string Key, string Value)[] trailers) => new StatusFault(code, detail, trailers);

    public static Fault Unavailable() => Status(StatusCode.Unavailable, "Service unavailable: shard temporarily unavailable");

    public static Fault DeadlineExceeded() => Status(StatusCode.DeadlineExceeded, "Timeout: operation timed out");

    /// <summary>Rate limiting, with the "retry-after" trailer Qdrant sends (whole seconds).</summary>
    public static Fault RateLimited(int retryAfterSeconds) =>
        Status(StatusCode.ResourceExhausted, "Rate limiting exceeded: Write rate limit exceeded", ("retry-after", retryAfterSeconds.ToString()));

    /// <summary>Out of disk: RESOURCE_EXHAUSTED with Qdrant's marker trailer; waiting does not help.</summary>
    public static Fault InsufficientStorage() =>
        Status(StatusCode.ResourceExhausted, "Insufficient storage: No space left on device", ("qdrant-insufficient-storage", "1"));

    /// <summary>Holds the call this long before answering it normally: past the client's deadline, the client gives up.</summary>
    public static Fault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Resets the HTTP/2 stream mid-call, as a proxy restart or a crashed node does: no status at all.</summary>
    public static Fault DropStream() => new DropFault();

    /// <summary>Carries the call out, then loses the answer (UNAVAILABLE): the client cannot know it was applied.</summary>
    public static Fault AnswerLost() => new AnswerLostFault();
}

public sealed record StatusFault(StatusCode Code, string Detail, (string Key, string Value)[] Trailers) : Fault;

public sealed record DelayFault(TimeSpan Duration) : Fault;

public sealed record DropFault : Fault;

public sealed record AnswerLostFault : Fault;
