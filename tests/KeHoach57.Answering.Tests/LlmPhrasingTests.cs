using KeHoach57.Answering.Values;
using KeHoach57.Answering.Llm;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeHoach57.Answering.Tests;

public class LlmPhrasingTests
{
    private static readonly Citation Quote = new("yen-hoa", "Kế hoạch xã Yên Hòa", "III › 1", "bao cdo 6 thang trudc ngay 10/6, gai S Khoa hoc va Cong nghé tong hop", "", 1, "yen-hoa/iii-1");

    private sealed class FakeChat(Func<string> reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply())));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }

    private static LlmPhrasing Phrasing(Func<string> reply) =>
        new(new FakeChat(reply), new UnitGazetteer(new VietnameseAnalyzer()), Options.Create(new LlmOptions { Provider = "openai", Model = "test" }), NullLogger<LlmPhrasing>.Instance);

    [Fact]
    public async Task Câu_diễn_đạt_lại_chỉ_dùng_thông_tin_trong_trích_dẫn_thì_được_dùng()
    {
        var line = await Phrasing(() => "Báo cáo 6 tháng gửi Sở Khoa học và Công nghệ trước ngày 10/6.")
            .RephraseAsync("Hạn báo cáo 6 tháng?", "Trước ngày 10/6", [Quote], TestContext.Current.CancellationToken);
        Assert.Equal("Báo cáo 6 tháng gửi Sở Khoa học và Công nghệ trước ngày 10/6.", line);
    }

    [Theory]
    [InlineData("Báo cáo 6 tháng gửi trước ngày 15/6.")]            // a date the plan does not say
    [InlineData("Báo cáo 6 tháng gửi Sở Tài chính trước ngày 10/6.")] // a unit the plan does not name
    [InlineData("KHÔNG_RÕ")]
    [InlineData("")]
    public async Task Câu_có_thông_tin_ngoài_trích_dẫn_thì_giữ_câu_trả_lời_trích_xuất(string reply)
    {
        var line = await Phrasing(() => reply).RephraseAsync("Hạn báo cáo 6 tháng?", "Trước ngày 10/6", [Quote], TestContext.Current.CancellationToken);
        Assert.Null(line);
    }

    [Fact]
    public async Task Lỗi_của_mô_hình_không_làm_hỏng_câu_trả_lời()
    {
        var line = await Phrasing(() => throw new HttpRequestException("down")).RephraseAsync("Hạn?", "Trước ngày 10/6", [Quote], TestContext.Current.CancellationToken);
        Assert.Null(line);
    }
}
