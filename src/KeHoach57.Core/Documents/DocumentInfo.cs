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
    string Source = "");
