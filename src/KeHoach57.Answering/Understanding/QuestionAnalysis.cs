namespace KeHoach57.Answering.Understanding;

/// <summary>What a question asks for. A question may ask several ("hạn khi nào và ai phối hợp?").</summary>
public enum Ask
{
    Deadline,
    Date,
    Unit,
    CoordinatingUnit,
    Figure,
    List,
    DocumentNumber,
    Name,
    Period,
    /// <summary>Who holds a post or signed ("ai làm trưởng ban?", "họ tên người ký?"): a person or a post, never a unit.</summary>
    Person,
    General,
}

/// <param name="Year">The year the question is about ("đến năm 2030"), picking a column in target tables.</param>
/// <param name="LocalityDocs">Documents whose locality the question names ("xã Yên Hòa"), in the order named.</param>
/// <param name="SelfReference">Asks about the plan itself ("kế hoạch này số mấy?"), not a document it cites.</param>
/// <param name="Currency">Asks for money ("bao nhiêu tỷ đồng"): only a money figure answers it.</param>
/// <param name="CountedNoun">What is counted ("bao nhiêu sáng kiến" → "sáng kiến"), to print "2 sáng kiến".</param>
/// <param name="Topic">The question without locality names and question words, for retrieval per locality.</param>
/// <param name="NamedDocument">The plan the question names by its own number ("KH 261", "Kế hoạch 44/KH-UBND").</param>
/// <param name="Identifiers">Names mixing letters and digits ("6G", "5G"): a passage about another one answers another question.</param>
/// <param name="ReportPeriod">The report a deadline question is about ("báo cáo quý" → "quy"): only that report's date answers it.</param>
/// <param name="AsksForOtherKind">Asks for a kind of document other than the plan named ("KH 261 căn cứ nghị quyết số mấy?").</param>
/// <param name="Role">The post a person question asks about ("trưởng ban"), folded; empty when it asks for a signer's name.</param>
public sealed record QuestionAnalysis(
    string Text,
    IReadOnlyList<Ask> Asks,
    int? Year,
    IReadOnlyList<string> LocalityDocs,
    bool SelfReference,
    bool Currency,
    string? CountedNoun,
    string Topic,
    string? NamedDocument = null,
    IReadOnlyList<string>? Identifiers = null,
    string? ReportPeriod = null,
    string? Role = null,
    bool AsksForOtherKind = false)
{
    /// <summary>Every plan the question names by its own number or by its issuer ("Kế hoạch 44 … và Quyết định 536 …").</summary>
    public IReadOnlyList<string> NamedDocuments { get; init; } = NamedDocument is null ? [] : [NamedDocument];

    public bool AsksFor(Ask ask) => Asks.Contains(ask);

    /// <summary>Asks only for a plan's own number or date: answered from its header, never from a document it cites.</summary>
    public bool AsksAboutTheDocument =>
        (SelfReference || NamedDocument is not null) && !AsksForOtherKind && Asks.All(a => a is Ask.DocumentNumber or Ask.Date);
}
