namespace KeHoach57.Core.Text;

/// <summary>
/// Folded words that carry the shape of a question or Vietnamese grammar rather than its topic.
/// They still count in phrases (bigrams) but weigh little alone.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words =
    [
        "la", "gi", "nao", "bao", "nhieu", "the", "nhu", "sao", "vay", "a", "ha", "nhi", "oi", "khong", "co",
        "cua", "cac", "va", "voi", "cho", "trong", "tren", "duoc", "phai", "se", "da", "dang", "thi", "ma", "nhung",
        "mot", "nay", "do", "de", "ve", "tai", "theo", "tu", "den", "khi", "luc", "ai", "o", "bi", "hay", "hoac",
        "con", "roi", "nua", "chu", "minh", "toi", "em", "anh", "chi", "ban", "ho", "biet", "xin", "cam", "on",
    ];

    public static bool Contains(string term) => Words.Contains(term);
}
