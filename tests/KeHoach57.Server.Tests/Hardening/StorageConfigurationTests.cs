using KeHoach57.Server.Tests.Infrastructure;

namespace KeHoach57.Server.Tests.Hardening;

/// <summary>
/// Storage settings are checked when the server starts, and a wrong one stops it with a message that names the
/// setting to fix — never a server that runs on and silently splits or forgets conversations (issue 16).
/// </summary>
public sealed class StorageConfigurationTests
{
    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var factory = new AssistantServerFactory(settings);
        var failure = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(failure);
        return failure.ToString();
    }

    [Fact]
    public void Nhà_cung_cấp_lưu_trữ_không_có_thì_máy_chủ_không_khởi_động()
    {
        var message = StartFailure(new() { ["Storage:Provider"] = "mysql" });

        Assert.Contains("Storage:Provider is \"mysql\"", message);
        Assert.Contains("\"sqlite\"", message);
        Assert.Contains("\"postgres\"", message);
    }

    [Fact]
    public void Postgres_thiếu_chuỗi_kết_nối_thì_báo_tên_biến_môi_trường()
    {
        var message = StartFailure(new() { ["Storage:Provider"] = "postgres", ["Server:ConversationKey"] = "a-key-shared-by-every-replica" });

        Assert.Contains("ConnectionStrings__Postgres", message);
    }

    [Fact]
    public void Bản_sao_dùng_Postgres_mà_thiếu_khóa_mã_hội_thoại_chung_thì_không_khởi_động()
    {
        var message = StartFailure(new() { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=x" });

        Assert.Contains("Server__ConversationKey", message);
        Assert.Contains("every replica", message);
    }

    [Fact]
    public void Khóa_mã_hội_thoại_quá_ngắn_bị_từ_chối_thay_vì_lặng_lẽ_thay_bằng_khóa_khác()
    {
        var message = StartFailure(new() { ["Server:ConversationKey"] = "short" });

        Assert.Contains("Server:ConversationKey is 5 characters", message);
    }

    [Fact]
    public void Không_kết_nối_được_Postgres_thì_báo_địa_chỉ_và_biến_cần_kiểm_tra()
    {
        var message = StartFailure(new()
        {
            ["Storage:Provider"] = "postgres",
            // Port 1 on loopback: refused at once, no server of anyone's is there.
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=kehoach57;Username=kehoach57;Password=not-a-real-one;Timeout=5",
            ["Server:ConversationKey"] = "a-key-shared-by-every-replica",
        });

        Assert.Contains("Could not prepare the PostgreSQL database at 127.0.0.1:1/kehoach57", message);
        Assert.Contains("ConnectionStrings__Postgres", message);
        Assert.DoesNotContain("not-a-real-one", message);
    }
}
