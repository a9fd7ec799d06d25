namespace KeHoach57.Core.Documents;

/// <summary>Front matter of one plan in corpus/&lt;id&gt;.md.</summary>
/// <param name="Level">"xã" or "tỉnh": commune and province plans answer different kinds of question.</param>
public sealed record DocumentInfo(
    string Id,
    string Title,
    string Issuer = "",
    string Number = "",
    string Date = "",
    string Locality = "",
    string Level = "",
    string Source = "")
{
    /// <summary>
    /// How an answer names the plan in one breath ("Kế hoạch 44/KH-UBND của Ủy ban nhân dân tỉnh Hưng Yên");
    /// the full title, often three lines long, stays in the sources.
    /// </summary>
    public string ShortName
    {
        get
        {
            var kind = System.Text.RegularExpressions.Regex.Match(Title, @"^(Quyết định|Kế hoạch hành động|Kế hoạch|Chương trình hành động|Chương trình)\b").Value;
            if (kind.Length == 0 || Issuer.Length == 0) return Title;
            return kind + (Number.Length > 0 ? " " + Number : "") + " của " + Issuer;
        }
    }
}
