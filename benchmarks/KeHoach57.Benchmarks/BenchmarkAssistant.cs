using KeHoach57.Answering;
using KeHoach57.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Benchmarks;

/// <summary>The real stack over the repository's corpus, with its index in a private temporary folder.</summary>
public static class BenchmarkAssistant
{
    public static async Task<(ServiceProvider Services, Assistant Assistant)> CreateAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddAssistantConfiguration()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Index:DataPath"] = Path.Combine(Path.GetTempPath(), "kehoach57-bench", Guid.NewGuid().ToString("N")),
                // Rounds repeat the same questions: measure the engine, not the answer cache.
                ["Answering:CacheSize"] = "0",
            })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAssistant(configuration).BuildServiceProvider();
        return (services, await services.PrepareAssistantAsync());
    }

    /// <summary>Questions in the shapes officials ask (not eval items): deadlines, units, targets, lists, no diacritics.</summary>
    public static readonly (string Question, string? Scope)[] Questions =
    [
        ("Hạn báo cáo 6 tháng là ngày nào?", "yen-hoa"),
        ("han bao cao nam la ngay nao", "yen-hoa"),
        ("Phòng nào chủ trì theo dõi chỉ số DTI?", "truong-giang"),
        ("Tỷ lệ phủ sóng 5G năm 2030 là bao nhiêu?", "truong-giang"),
        ("Sở nào tổng hợp báo cáo gửi UBND tỉnh?", "hung-yen"),
        ("Kinh phí thực hiện được bố trí từ những nguồn nào?", "bac-giang"),
        ("chi so DTI cap tinh nam 2030 dat bao nhieu", "thai-nguyen"),
        ("Trung tâm giám sát an ninh mạng của tỉnh tên là gì?", null),
        ("Mức lương cơ sở năm 2025 là bao nhiêu?", null),
        ("Xã Trường Giang và xã Yên Hòa hạn báo cáo quý khác nhau thế nào?", null),
    ];
}
