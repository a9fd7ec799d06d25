using System.Net;
using KeHoach57.Conversations;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>Conversation ids are issued by the server and bound to the client that received them (issue 15, finding 5).</summary>
public sealed class ConversationIdTests(ReadyServer server) : IClassFixture<ReadyServer>
{
    private async Task<string> AskAsync(string userAgent, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).Str("conversationId");
    }

    [Fact]
    public async Task Hai_máy_khách_gửi_cùng_một_mã_không_dùng_chung_hội_thoại()
    {
        var mine = await AskAsync("TrinhDuyet-A/1.0", new { question = TestCorpus.TruongGiangQuestion, scope = TestCorpus.TruongGiang });

        // Client B presents A's id: it gets a conversation of its own, and A's is left as it was.
        var theirs = await AskAsync("TrinhDuyet-B/1.0", new { question = TestCorpus.YenHoaQuestion, scope = TestCorpus.YenHoa, conversationId = mine });
        Assert.NotEqual(mine, theirs);
        var conversations = server.Factory.Services.GetRequiredService<ConversationService>();
        Assert.Equal(TestCorpus.TruongGiang, (await conversations.GetAsync("web:" + mine, TestContext.Current.CancellationToken)).Scope);

        // A itself continues its conversation with the same id.
        Assert.Equal(mine, await AskAsync("TrinhDuyet-A/1.0", new { question = "Tổ công nghệ số cộng đồng ở bao nhiêu thôn?", conversationId = mine }));
    }

    [Theory]
    [InlineData("portal-session_42")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Mã_do_máy_khách_tự_đặt_không_được_nhận(string chosen)
    {
        var issued = await AskAsync("TrinhDuyet-C/1.0", new { question = TestCorpus.YenHoaQuestion, conversationId = chosen });
        Assert.NotEqual(chosen, issued);
        Assert.Matches("^[0-9a-f]{64}$", issued);
    }
}
