using KeHoach57.Tests.Shared;

namespace KeHoach57.Conversations.Tests;

/// <summary>The one conversation core every channel uses: scope and follow-ups.</summary>
public class ConversationServiceTests : IAsyncLifetime
{
    private TestAssistant _test = null!;

    public async ValueTask InitializeAsync() => _test = await TestAssistant.CreateAsync();

    public async ValueTask DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task Câu_hỏi_nối_tiếp_được_hiểu_theo_câu_trước()
    {
        var chat = _test.Conversations;
        await chat.SetScopeAsync("t1", "yen-hoa", TestContext.Current.CancellationToken);
        var first = await chat.AskAsync("t1", "Báo cáo 6 tháng phải gửi trước ngày nào?", cancellationToken: TestContext.Current.CancellationToken);
        var followUp = await chat.AskAsync("t1", "Còn báo cáo năm thì sao?", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("10/6", first.Line);
        Assert.Equal("Báo cáo năm phải gửi trước ngày nào?", followUp.ResolvedQuestion);
        // What the conversation owes is the resolved question; whether it is answered is the answering's judgement,
        // and it must be the same judgement as for that question asked on its own.
        await chat.SetScopeAsync("t1-alone", "yen-hoa", TestContext.Current.CancellationToken);
        var alone = await chat.AskAsync("t1-alone", followUp.ResolvedQuestion!, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(alone.Line, followUp.Line);
        if (followUp.Answered) Assert.Contains("30/11", followUp.Line);
    }

    [Fact]
    public async Task Phạm_vi_được_nhớ_và_phạm_vi_lạ_bị_từ_chối_rõ_ràng()
    {
        var chat = _test.Conversations;
        Assert.Null(await chat.SetScopeAsync("t2", "truong-giang", TestContext.Current.CancellationToken));
        Assert.Equal("truong-giang", (await chat.GetAsync("t2", TestContext.Current.CancellationToken)).Scope);

        var error = await chat.SetScopeAsync("t2", "ha-noi", TestContext.Current.CancellationToken);
        Assert.Contains("ha-noi", error);
        Assert.Equal("truong-giang", (await chat.GetAsync("t2", TestContext.Current.CancellationToken)).Scope);
    }

    [Fact]
    public async Task Câu_trả_lời_cuối_được_giữ_để_xem_nguồn()
    {
        var chat = _test.Conversations;
        var answer = await chat.AskAsync("t3", "Sở nào chủ trì bảo đảm kinh phí thực hiện hằng năm?", "bac-giang", TestContext.Current.CancellationToken);
        var state = await chat.GetAsync("t3", TestContext.Current.CancellationToken);
        Assert.Equal(answer.Citations, state.LastAnswer!.Citations);
        Assert.Equal("bac-giang", state.Scope);
    }

    [Fact]
    public async Task Hội_thoại_mới_cấp_không_đọc_kho_hội_thoại_nối_tiếp_thì_đọc_và_thấy_lượt_trước()
    {
        var store = new CountingStore();
        var chat = new ConversationService(_test.Assistant, store);

        var first = await chat.AskAsync("web:moi", "Báo cáo 6 tháng phải gửi trước ngày nào?", "yen-hoa", answerId: null,
            TestContext.Current.CancellationToken, isNew: true);
        Assert.Equal(0, store.Reads);
        Assert.Equal("yen-hoa", store.Saved["web:moi"].Scope);

        var followUp = await chat.AskAsync("web:moi", "Còn báo cáo năm thì sao?", scope: null, answerId: null, TestContext.Current.CancellationToken);
        Assert.Equal(1, store.Reads);
        Assert.Equal("Báo cáo năm phải gửi trước ngày nào?", followUp.ResolvedQuestion);
        Assert.Equal("yen-hoa", store.Saved["web:moi"].Scope);
        Assert.Contains("10/6", first.Line);
    }

    private sealed class CountingStore : IConversationStore
    {
        public Dictionary<string, ConversationState> Saved { get; } = [];

        public int Reads { get; private set; }

        public Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult(Saved.GetValueOrDefault(id));
        }

        public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default)
        {
            Saved[state.Id] = state;
            return Task.CompletedTask;
        }
    }
}
