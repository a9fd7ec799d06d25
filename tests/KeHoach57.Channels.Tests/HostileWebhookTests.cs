using System.Net;
using System.Text;
using KeHoach57.Channels.Tests.Infrastructure;
using KeHoach57.Channels.Zalo;

namespace KeHoach57.Channels.Tests;

/// <summary>
/// Hostile webhook calls: bad and replayed signatures, wrong secrets, unknown update kinds, floods. Each gets
/// its status, nothing is answered that should not be, and a good question from a real user is still answered.
/// </summary>
public sealed class HostileWebhookTests : IAsyncLifetime
{
    private const string Good = "Hạn báo cáo 6 tháng là ngày nào?";
    private readonly TestCorpus _corpus = new();
    private FakeZaloApi _zalo = null!;
    private FakeTelegramApi _telegram = null!;
    private AssistantServer? _zaloServer;
    private AssistantServer? _telegramServer;

    public async ValueTask InitializeAsync()
    {
        _zalo = await FakeZaloApi.StartAsync();
        _telegram = await FakeTelegramApi.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_zaloServer is not null) await _zaloServer.DisposeAsync();
        if (_telegramServer is not null) await _telegramServer.DisposeAsync();
        await _zalo.DisposeAsync();
        await _telegram.DisposeAsync();
        _corpus.Dispose();
    }

    private AssistantServer Zalo => _zaloServer ??= new AssistantServer(AssistantServer.ZaloSettings(_corpus, _zalo));

    private AssistantServer Telegram => _telegramServer ??= new AssistantServer(AssistantServer.TelegramSettings(_corpus, _telegram));

    private static byte[] Replace(byte[] body, string from, string to) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(from, to));

    /// <summary>The Zalo calls: each returns the body and signature to post, and the status expected.</summary>
    private static readonly Dictionary<string, (Func<(byte[] Body, string? Signature)> Make, HttpStatusCode Status)> ZaloCases = new()
    {
        ["sự kiện cũ 1 giờ (phát lại)"] = (() => FakeZaloApi.SignedText("u-x", Good, "m-old", at: DateTimeOffset.UtcNow.AddHours(-1)), HttpStatusCode.Unauthorized),
        ["sự kiện cũ 3 ngày"] = (() => FakeZaloApi.SignedText("u-x", Good, "m-old3", at: DateTimeOffset.UtcNow.AddDays(-3)), HttpStatusCode.Unauthorized),
        ["sự kiện ở tương lai"] = (() => FakeZaloApi.SignedText("u-x", Good, "m-future", at: DateTimeOffset.UtcNow.AddHours(1)), HttpStatusCode.Unauthorized),
        ["sai khóa bí mật"] = (() => FakeZaloApi.SignedText("u-x", Good, "m-key", secret: "khoa-sai"), HttpStatusCode.Unauthorized),
        ["chữ ký rỗng"] = (() => (FakeZaloApi.SignedText("u-x", Good, "m-empty").Body, ""), HttpStatusCode.Unauthorized),
        ["chữ ký không phải hex"] = (() => (FakeZaloApi.SignedText("u-x", Good, "m-hex").Body, "mac=zzzz<script>"), HttpStatusCode.Unauthorized),
        ["timestamp không phải số"] = (() =>
        {
            var (body, _) = FakeZaloApi.SignedText("u-x", Good, "m-ts");
            var ts = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("timestamp").GetString()!;
            var forged = Replace(body, ts, "hom-qua");
            return (forged, ZaloSignature.HeaderValue(FakeZaloApi.AppId, forged, "hom-qua", FakeZaloApi.OaSecretKey));
        }, HttpStatusCode.Unauthorized),
        ["thân không phải đối tượng JSON"] = (() => ("[1,2,3]"u8.ToArray(), "mac=00"), HttpStatusCode.BadRequest),
        ["thân 300 KB"] = (() => (Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', 300 * 1024) + "\"}"), "mac=00"), HttpStatusCode.RequestEntityTooLarge),
        ["loại sự kiện lạ"] = (() =>
        {
            var (body, _) = FakeZaloApi.SignedText("u-x", Good, "m-img");
            var image = Replace(body, "user_send_text", "user_send_image");
            var ts = System.Text.Json.JsonDocument.Parse(image).RootElement.GetProperty("timestamp").GetString()!;
            return (image, ZaloSignature.HeaderValue(FakeZaloApi.AppId, image, ts, FakeZaloApi.OaSecretKey));
        }, HttpStatusCode.OK),
    };

    public static TheoryData<string> ZaloNames => new(ZaloCases.Keys);

    [Theory]
    [MemberData(nameof(ZaloNames))]
    public async Task Zalo_lời_gọi_thù_địch_có_trạng_thái_rõ_không_được_trả_lời_rồi_câu_hỏi_thật_vẫn_được_trả_lời(string name)
    {
        var (make, status) = ZaloCases[name];
        var (body, signature) = make();

        Assert.Equal(status, (await Zalo.PostZaloAsync(body, signature)).StatusCode);

        await ZaloStillAnswersAsync(expectedMessages: 1);
    }

    [Fact]
    public async Task Zalo_sự_kiện_phát_lại_nguyên_văn_chỉ_được_trả_lời_một_lần()
    {
        var (body, signature) = FakeZaloApi.SignedText("u-r", Good, "m-replay");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await Zalo.PostZaloAsync(body, signature)).StatusCode);

        await _zalo.WaitForMessagesAsync(1);
        await ZaloStillAnswersAsync(expectedMessages: 2);
        Assert.Single(_zalo.Sent, m => m.UserId == "u-r");
    }

    [Fact]
    public async Task Zalo_dồn_dập_một_người_bị_chặn_người_khác_vẫn_được_trả_lời()
    {
        for (var i = 0; i < 40; i++)
        {
            var (body, signature) = FakeZaloApi.SignedText("u-flood", "câu hỏi số " + i, "m-flood-" + i);
            Assert.Equal(HttpStatusCode.OK, (await Zalo.PostZaloAsync(body, signature)).StatusCode);
        }

        await ZaloStillAnswersAsync(expectedMessages: 1, user: "u-calm");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        // The default limit is 10 a minute: at most 10 answers and one "slow down".
        Assert.InRange(_zalo.Sent.Count(m => m.UserId == "u-flood"), 1, 11);
    }

    public static TheoryData<string, string?, HttpStatusCode> TelegramCases => new()
    {
        { "sai secret", "khoa-sai", HttpStatusCode.Unauthorized },
        { "thiếu secret", null, HttpStatusCode.Unauthorized },
        { "JSON hỏng", AssistantServer.WebhookSecret, HttpStatusCode.BadRequest },
        { "loại cập nhật lạ", AssistantServer.WebhookSecret, HttpStatusCode.OK },
        { "cập nhật chỉ có số", AssistantServer.WebhookSecret, HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(TelegramCases))]
    public async Task Telegram_lời_gọi_thù_địch_có_trạng_thái_rõ_rồi_câu_hỏi_thật_vẫn_được_trả_lời(string name, string? secret, HttpStatusCode status)
    {
        var body = name switch
        {
            "JSON hỏng" => "{\"update_id\": 1, \"message\": {",
            "loại cập nhật lạ" => "{\"update_id\": 77, \"poll\": {\"id\": \"p\", \"question\": \"?\", \"options\": [], \"total_voter_count\": 0, \"is_closed\": false, \"is_anonymous\": true, \"type\": \"regular\", \"allows_multiple_answers\": false}}",
            "cập nhật chỉ có số" => "{\"update_id\": 78}",
            _ => TelegramUpdates.Text(3001, Good),
        };

        Assert.Equal(status, (await Telegram.PostTelegramAsync(body, secret)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Telegram.PostTelegramAsync(TelegramUpdates.Text(3002, Good))).StatusCode);
        var sent = await _telegram.WaitForMessagesAsync(1);
        Assert.Contains(sent, m => m.ChatId == 3002 && m.Text.Contains("15"));
        Assert.DoesNotContain(sent, m => m.ChatId == 3001);
    }

    [Fact]
    public async Task Telegram_dồn_dập_một_chat_bị_chặn_chat_khác_vẫn_được_trả_lời()
    {
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.OK, (await Telegram.PostTelegramAsync(TelegramUpdates.Text(3100, "câu hỏi " + i))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Telegram.PostTelegramAsync(TelegramUpdates.Text(3101, Good))).StatusCode);

        await Eventually.WaitAsync(() => _telegram.Sent, s => s.Any(m => m.ChatId == 3101), "the calm chat's answer");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.InRange(_telegram.Sent.Count(m => m.ChatId == 3100), 1, 11);
    }

    /// <summary>A fresh, correctly signed question from a real user is answered, and the reply quotes the user's message id.</summary>
    private async Task ZaloStillAnswersAsync(int expectedMessages, string user = "u-good")
    {
        var messageId = "m-good-" + Guid.NewGuid().ToString("N");
        var (body, signature) = FakeZaloApi.SignedText(user, Good, messageId);
        Assert.Equal(HttpStatusCode.OK, (await Zalo.PostZaloAsync(body, signature)).StatusCode);
        var sent = await Eventually.WaitAsync(() => _zalo.Sent, s => s.Any(m => m.UserId == user), "the good question's answer");
        var reply = sent.First(m => m.UserId == user);
        Assert.Contains("15", reply.Text);
        Assert.Equal(messageId, reply.QuoteMessageId);
        Assert.DoesNotContain(sent, m => m.UserId == "u-x");
        Assert.True(sent.Count >= expectedMessages);
    }
}
