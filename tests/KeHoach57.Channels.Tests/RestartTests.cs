using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Channels.Tests;

public sealed class RestartTests : IAsyncLifetime
{
    private readonly TestCorpus _corpus = new();
    private FakeTelegramApi _telegram = null!;

    public async ValueTask InitializeAsync() => _telegram = await FakeTelegramApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _telegram.DisposeAsync();
        _corpus.Dispose();
    }

    [Fact]
    public async Task Chat_scope_and_last_answer_survive_a_server_restart()
    {
        await using (var before = new AssistantServer(AssistantServer.TelegramSettings(_corpus, _telegram)))
        {
            await before.PostTelegramAsync(TelegramUpdates.Text(4001, "/phamvi yen-hoa"));
            await before.PostTelegramAsync(TelegramUpdates.Text(4001, "Hạn báo cáo 6 tháng là ngày nào?"));
            await _telegram.WaitForMessagesAsync(2);
        }
        Assert.True(File.Exists(Path.Combine(_corpus.DataPath, SqliteConversationStore.DefaultFileName)));

        await using var after = new AssistantServer(AssistantServer.TelegramSettings(_corpus, _telegram));
        var state = await after.Services.GetRequiredService<ConversationService>().GetAsync("telegram:4001");
        Assert.Equal("yen-hoa", state.Scope);
        Assert.NotNull(state.LastAnswer);

        await after.PostTelegramAsync(TelegramUpdates.Text(4001, "/nguon"));
        var sources = (await _telegram.WaitForMessagesAsync(3))[2];
        Assert.Contains("<blockquote>", sources.Text);
        Assert.Contains(state.LastAnswer.Citations[0].Passage, Html.Visible(sources.Text));
    }
}
