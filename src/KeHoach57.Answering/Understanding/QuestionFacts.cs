using KeHoach57.Core.Answers;
using KeHoach57.Retrieval.Query;

namespace KeHoach57.Answering.Understanding;

/// <summary>One kind the question asks for, how strongly its words say so, and where (token positions).</summary>
public sealed record AskedKind(AskKind Kind, double Strength, int Position, string Cue);

/// <summary>
/// What a question was understood to ask, read once by <see cref="QuestionReader"/>; every later step
/// reads these facts and never re-parses the question.
/// </summary>
/// <param name="Question">As typed, NFC-normalized.</param>
/// <param name="Text">With numbers said in words read as digits ("sáu tháng" → "6 tháng").</param>
/// <param name="Asks">Kinds asked, strongest first; the first is the primary ask. Fact when nothing else is said.</param>
/// <param name="Plural">"Những … nào": every item of an enumeration is wanted, not one.</param>
/// <param name="Subject">The analyzed (index) terms of what the question is about: no question words, places or chat particles.</param>
/// <param name="SubjectText">The question with its question words and places blanked: what retrieval searches for.</param>
/// <param name="Year">The year the question is about ("đến năm 2030"), picking a column in target tables.</param>
/// <param name="Places">Plans and places the question names.</param>
/// <param name="CountedNoun">What is counted ("bao nhiêu sáng kiến" → "sáng kiến"), as typed.</param>
/// <param name="Identifiers">Names mixing letters and digits ("5G", "6G") and named periods ("2021-2025"): a passage about
/// another one answers another question (the programme of 2019-2030 is not the one of 2021-2025).</param>
/// <param name="StatedNumbers">Numbers the question states (years aside): what it asks about, never its answer.</param>
/// <param name="UnitHead">The kind of organisation asked for ("phòng nào" → "Phòng"), when the question says.</param>
/// <param name="AskedDocumentSymbol">For "nghị quyết số mấy": the letters its number carries ("NQ").</param>
/// <param name="Lead">The (index) words the question puts right before its question word ("khu CNTT tập trung nào"
/// → khu cong nghe thong tin tap trung): a list's items or a name follow them in the clause.</param>
/// <param name="LeadText">Those words as typed ("khu CNTT tập trung").</param>
public sealed record QuestionFacts(
    string Question,
    string Text,
    IReadOnlyList<AskedKind> Asks,
    bool Plural,
    IReadOnlyList<string> Subject,
    string SubjectText,
    int? Year,
    PlacesNamed Places,
    string? CountedNoun,
    IReadOnlyList<string> Identifiers,
    IReadOnlyList<string> StatedNumbers,
    string? UnitHead,
    string? AskedDocumentSymbol,
    IReadOnlyList<string> Lead,
    string LeadText)
{
    /// <summary>The subject as the index sees it: weighted terms, and each word with the spellings it takes in this corpus.</summary>
    public required BuiltQuery Query { get; init; }

    /// <summary>
    /// Subject words that name the kind of value asked ("tỷ lệ", "chỉ tiêu": asks.tsv's optional cues): a clause that
    /// says them is nearer the question, one that does not ("Đạt 65% người dân có …") lacks nothing the question is about.
    /// </summary>
    public IReadOnlySet<string> Optional { get; init; } = new HashSet<string>();

    /// <summary>
    /// A percentage is asked ("bao nhiêu %", "mấy phần trăm", "tỷ lệ …"): only a percentage answers it, and a count
    /// nearby never does.
    /// </summary>
    public bool PercentAsked { get; init; }

    /// <summary>
    /// The organisations the question names in full, with their kind ("Sở Khoa học và Công nghệ", "Phòng Văn hóa - Xã
    /// hội"; canonical names from the gazetteer): what it asks about, which the passage answering it names too. "Sở Khoa
    /// học và Công nghệ có nhiệm vụ gì?" is not answered by the duties of another office, however many of the name's
    /// words ("khoa học, công nghệ") that passage says.
    /// </summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];

    /// <summary>Which words of <see cref="Text"/> (token positions) say what is asked ("số mấy", "ban hành ngày nào").</summary>
    public IReadOnlySet<int> AskWords { get; init; } = new HashSet<int>();

    /// <summary>The unit ask names an organisation ("cơ quan nào", "phòng nào"), not a person: a post does not answer it.</summary>
    public bool AsksOrganisation { get; init; }

    public AskKind Primary => Asks.Count > 0 ? Asks[0].Kind : AskKind.Fact;

    public double Recognition => Asks.Count > 0 ? Asks[0].Strength : 0;

    public bool AsksFor(AskKind kind) => Asks.Any(a => a.Kind == kind);

    /// <summary>The kinds asked, in the order the question asks them (for composing a line with several values).</summary>
    public IEnumerable<AskKind> InQuestionOrder => Asks.OrderBy(a => a.Position).Select(a => a.Kind);
}
