using System.Net;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Embedded;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests;

/// <summary>The server answers its warm-up questions (appsettings.json, WarmUp) before /health says ready.</summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task Máy_chủ_chưa_báo_sẵn_sàng_khi_chưa_trả_lời_xong_các_câu_hỏi_khởi_động()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SearchGatedIndex? index = null;
        await using var factory = new AssistantServerFactory(services: services =>
            services.AddSingleton<ISearchIndex>(sp => index = new SearchGatedIndex(ActivatorUtilities.CreateInstance<EmbeddedIndex>(sp), gate.Task)));
        using var client = factory.CreateClient();

        // The index is loaded and the stack built; the first warm-up question is now searching.
        await index!.FirstSearch.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        using (var warming = await client.GetAsync("/health", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.StatusCode);
            Assert.Equal("loading", (await warming.ReadJsonAsync()).Str("status"));
        }

        gate.SetResult();
        await AssistantServerFactory.WaitUntilReadyAsync(client);
        var searchedBeforeReady = index.Searches;

        Assert.True(searchedBeforeReady >= 5, $"the five warm-up questions searched {searchedBeforeReady} times before ready");
        using var answered = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Khởi_động_hỏng_thì_máy_chủ_vẫn_phục_vụ()
    {
        FailingSearchIndex? index = null;
        await using var factory = new AssistantServerFactory(services: services =>
            services.AddSingleton<ISearchIndex>(sp => index = new FailingSearchIndex(ActivatorUtilities.CreateInstance<EmbeddedIndex>(sp))));
        using var client = factory.CreateClient();

        await AssistantServerFactory.WaitUntilReadyAsync(client);
        index!.Broken = false;

        using var answered = await client.PostJsonAsync("/api/ask", new { question = TestCorpus.YenHoaQuestion });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True((await answered.ReadJsonAsync()).GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task Tắt_khởi_động_thì_không_có_câu_hỏi_nào_trước_khi_sẵn_sàng()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SearchGatedIndex? index = null;
        await using var factory = new AssistantServerFactory(new Dictionary<string, string?> { ["WarmUp:Enabled"] = "false" }, services =>
            services.AddSingleton<ISearchIndex>(sp => index = new SearchGatedIndex(ActivatorUtilities.CreateInstance<EmbeddedIndex>(sp), gate.Task)));
        using var client = factory.CreateClient();

        await AssistantServerFactory.WaitUntilReadyAsync(client);

        Assert.Equal(0, index!.Searches);
        gate.SetResult();
    }
}
