using Microsoft.Extensions.Caching.Memory;

namespace KeHoach57.Server.Ask;

/// <summary>
/// The last answers given, by answer id, so feedback can be stored with the question it judges.
/// Bounded and in memory: after a restart feedback is still accepted, only without that context.
/// Its own cache instance, because a size limit on the shared IMemoryCache would break other users of it.
/// </summary>
public sealed class RecentAnswers : IDisposable
{
    public sealed record Entry(string ConversationId, string Question, string Answer, bool Answered, string? Scope);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public void Remember(string answerId, Entry entry) =>
        _cache.Set(answerId, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(24) });

    public Entry? Find(string answerId) => _cache.TryGetValue(answerId, out Entry? entry) ? entry : null;

    public void Dispose() => _cache.Dispose();
}
