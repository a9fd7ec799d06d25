using System.Net;
using KeHoach57.Conversations;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Embedded;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests;

public sealed class HealthEndpointTests
{
    private static AssistantServerFactory GatedFactory(TaskCompletionSource gate) => new(services: services =>
        services.AddSingleton<ISearchIndex>(sp => new GatedIndex(ActivatorUtilities.CreateInstance<EmbeddedIndex>(sp), gate.Task)));

    [Fact]
    public async Task Health_is_503_until_the_index_is_loaded_then_200()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = GatedFactory(gate);
        using var client = factory.CreateClient();

        using (var starting = await client.GetAsync("/health", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
            Assert.Equal("loading", (await starting.ReadJsonAsync()).Str("status"));
        }
        using (var ask = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion }))
        {
            await ProblemAssert.IsVietnameseProblem(ask, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(ask.Headers.RetryAfter);
        }
        using (var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        gate.SetResult();
        await AssistantServerFactory.WaitUntilReadyAsync(client);

        using var ready = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.ReadJsonAsync();
        Assert.Equal("ready", body.Str("status"));
        Assert.Equal(3, body.GetProperty("documents").GetInt32());
        Assert.True(body.GetProperty("chunks").GetInt32() > 0);
        using var answered = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Health_stays_503_with_the_reason_when_loading_fails()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = GatedFactory(gate);
        using var client = factory.CreateClient();
        gate.SetException(new IOException("đĩa hỏng"));

        var body = await AssistantServerFactory.PollHealthAsync(client, b => b.Str("status") == "failed");

        Assert.DoesNotContain("đĩa hỏng", body.Str("message")); // the reason is logged, not published
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_vietnamese_500_without_internals()
    {
        await using var factory = new AssistantServerFactory(services: services =>
            services.AddSingleton<IConversationStore, ThrowingStore>());
        using var client = await factory.CreateReadyClientAsync();

        using var response = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });

        var detail = await ProblemAssert.IsVietnameseProblem(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("kho hội thoại hỏng", detail);
    }

    private sealed class ThrowingStore : IConversationStore
    {
        public Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("kho hội thoại hỏng");

        public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("kho hội thoại hỏng");
    }
}
