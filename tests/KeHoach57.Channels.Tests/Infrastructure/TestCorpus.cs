using System.Text;
using Microsoft.Data.Sqlite;

namespace KeHoach57.Channels.Tests.Infrastructure;

/// <summary>A tiny corpus and an empty data folder in a temp directory, deleted afterwards.</summary>
public sealed class TestCorpus : IDisposable
{
    public const string Hostile = "<script>alert('x')</script> & <b>đậm</b>";

    /// <summary>Distinctive words of the long passage, so a question finds it.</summary>
    public const string LongTopic = "hạ tầng số dùng chung";

    public TestCorpus()
    {
        Root = Path.Combine(Path.GetTempPath(), "kh57-channels-" + Guid.NewGuid().ToString("N"));
        CorpusPath = Path.Combine(Root, "corpus");
        DataPath = Path.Combine(Root, "data");
        Directory.CreateDirectory(CorpusPath);
        Directory.CreateDirectory(DataPath);
        Write("yen-hoa", "Kế hoạch của phường Yên Hòa",
            "# Kế hoạch thực hiện Nghị quyết 57-NQ/TW",
            "## III. Tổ chức thực hiện",
            "Văn phòng Ủy ban nhân dân phường Yên Hòa tổng hợp báo cáo 6 tháng gửi Ủy ban nhân dân thành phố trước ngày 15 tháng 6 hằng năm.",
            "Phòng Văn hóa - Xã hội chủ trì chuyển đổi số trong lĩnh vực giáo dục, phối hợp với các trường học trên địa bàn phường.");
        Write("tinh-a", "Kế hoạch của Ủy ban nhân dân tỉnh A",
            "# Kế hoạch của tỉnh",
            "## IV. Kinh phí",
            "Kinh phí thực hiện kế hoạch được bố trí từ ngân sách tỉnh và nguồn xã hội hóa hợp pháp theo quy định.",
            $"Mẫu biểu thống kê hằng quý {Hostile} dùng cho báo cáo của các sở ngành.",
            "## V. Nhiệm vụ dài",
            LongPassage());
    }

    public string Root { get; }
    public string CorpusPath { get; }
    public string DataPath { get; }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Corpus:Path"] = CorpusPath,
        ["Index:DataPath"] = DataPath,
        ["Index:Backend"] = "embedded",
    };

    private static string LongPassage()
    {
        var text = new StringBuilder($"Triển khai {LongTopic} cho các cơ quan nhà nước.");
        for (var i = 1; text.Length < 6000; i++)
            text.Append($" Nhiệm vụ thứ {i}: xây dựng {LongTopic}, kết nối cơ sở dữ liệu và bảo đảm an toàn thông tin & dữ liệu <mức {i}>.");
        return text.ToString();
    }

    private void Write(string id, string title, params string[] paragraphs) =>
        File.WriteAllText(Path.Combine(CorpusPath, id + ".md"),
            $"---\nid: {id}\ntitle: {title}\n---\n\n" + string.Join("\n\n", paragraphs) + "\n", new UTF8Encoding(false));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
