using System.Text.RegularExpressions;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Understanding;

/// <summary>
/// Reads what a question asks for from its wording (typed with or without diacritics: patterns run on
/// the folded text), which year and which localities it names, and whether it is about the plan itself.
/// </summary>
public sealed partial class QuestionAnalyzer
{
    private readonly List<(string DocId, string[] Names)> _localities;
    private readonly List<(string DocId, Regex Reference)> _numbers;
    private readonly List<(string DocId, Regex Reference)> _issued;
    private readonly Dictionary<string, string> _kinds;

    public QuestionAnalyzer(Corpus corpus)
    {
        _localities = corpus.Documents
            .Select(d => (d.Info.Id, LocalityNames(d.Info).ToArray()))
            .ToList();
        // "KH 261", "Kế hoạch số 44/KH-UBND", "Quyết định 536": a document type word, then the plan's own number.
        _numbers = corpus.Documents
            .Select(d => (d.Info.Id, Lead: Regex.Match(d.Info.Number, @"^\d+").Value))
            .Where(d => d.Lead.Length > 0)
            .Select(d => (d.Id, new Regex($@"\b(ke hoach|kh|quyet dinh|qd|van ban)( hanh dong)?( so)? {d.Lead}\b")))
            .ToList();
        // "Quyết định … của UBND xã Trường Giang là quyết định số mấy?": the plan named by its issuer and its
        // own kind of document. Another issuer ("của Ban Thường vụ Đảng ủy xã …") means a document it cites.
        _kinds = corpus.Documents.ToDictionary(d => d.Info.Id, d => Regex.Match(VietnameseText.Fold(d.Info.Title), @"^(quyet dinh|ke hoach|chuong trinh)").Value);
        _issued = corpus.Documents
            .Where(d => d.Info.Issuer.Length > 0)
            .Select(d => (d.Info.Id, Kind: _kinds[d.Info.Id], Issuer: IssuerWords(d.Info.Issuer)))
            .Where(d => d.Kind.Length > 0)
            .Select(d => (d.Id, new Regex($@"\b{Regex.Escape(d.Issuer)}\b.*\b{d.Kind}( hanh dong)? (so (may|nao|bao nhieu|gi)|ban hanh ngay nao|ky ngay nao)|\b{d.Kind}( hanh dong)? (so (may|nao|bao nhieu|gi)|ban hanh ngay nao|ky ngay nao).*\b{Regex.Escape(d.Issuer)}\b")))
            .ToList();
    }

    /// <summary>An issuer as questions name it: "Ủy ban nhân dân xã Yên Hòa" is also "UBND xã Yên Hòa".</summary>
    private static string IssuerWords(string text) =>
        VietnameseText.CollapseSpaces(Regex.Replace(VietnameseText.Fold(text), @"\buy ban nhan dan\b", "ubnd").Replace("ban thuong vu ", ""));

    /// <summary>Folded names a question may use for a document's locality: "yen hoa", "thai nguyen".</summary>
    private static IEnumerable<string> LocalityNames(DocumentInfo info)
    {
        var names = new HashSet<string>();
        if (!string.IsNullOrWhiteSpace(info.Locality))
            names.Add(StripLevel(VietnameseText.Fold(info.Locality)));
        names.Add(info.Id.Replace('-', ' '));
        return names.Where(n => n.Length >= 3);
    }

    private static string StripLevel(string folded) =>
        Regex.Replace(folded, @"^(xa|tinh|huyen|thanh pho|phuong|thi tran)\s+", "").Trim();

    [GeneratedRegex(@"\bhan\b|thoi han|khi nao|thang (may|nao)\b|bao gio|luc nao|thoi gian nao|thoi gian hoan thanh|truoc ngay nao|hoan thanh (trong|vao|truoc)|\bxong\b|ngay (may|bao nhieu)")]
    private static partial Regex DeadlineWords();

    [GeneratedRegex(@"ngay ban hanh|(ban hanh|\bky\b|hieu luc|ra doi|thong qua)\b.*\b(ngay nao|khi nao|luc nao|bao gio|nam nao|tu (luc|khi) nao)|(ngay nao|nam nao).*(ban hanh|\bky\b)|\bnam nao\b|moc nam|hieu luc")]
    private static partial Regex DateWords();

    [GeneratedRegex(@"(?<!van )\b(phong|so|co quan|don vi|ban|bo|cap|nganh|to chuc|noi|ben) nao\b|\bai\b|phu trach|chu tri|dau moi|giao (cho )?(ai|nao)|chiu trach nhiem|thuong truc|\blo\b|tham muu|(gui|nop|bao cao)\b(\s+\S+){0,5}?\s+(ve|cho|toi|len|den)\s+(dau|ai)\b")]
    private static partial Regex UnitWords();

    [GeneratedRegex(@"phoi hop (voi )?(nhung |cac )?(co quan|don vi|ai|phong|so|ben)")]
    private static partial Regex CoordinationWords();

    // "Đạt 100% vào năm nào?" states the figure and asks the year: a % after a number is not asked for.
    [GeneratedRegex(@"bao nhieu|may phan tram|(?<!\d\s?)phan tram|(?<!\d\s?)%|ty le|muc (nao|bao)|dat (muc|bao)|muc tieu (la|dat)|nhom (may|bao)")]
    private static partial Regex FigureWords();

    [GeneratedRegex(@"\bso may\b|so hieu|ky hieu|so bao nhieu|van ban (nao|so)|(quyet dinh|nghi quyet|ke hoach|chuong trinh|kh|qd|nq) (so )?(nao|gi)\b")]
    private static partial Regex DocumentWords();

    [GeneratedRegex(@"nhung (gi|ai|nao|linh vuc|noi dung|nguon|van ban|viec|nhiem vu|giai phap|co quan|don vi|nghi quyet)|gom (nhung|co|nhung gi)|bao gom|cac .{2,40} nao|nhung .{2,40} nao|nguon nao|viec gi|linh vuc nao")]
    private static partial Regex ListWords();

    [GeneratedRegex(@"ten (viet tat|goi|day du)|viet tat (la )?(gi|nhu the nao)|goi la gi|ten (la )?gi|\b(la|o) dau\b|theo (dinh )?huong nao|ten gi")]
    private static partial Regex NameWords();

    // "Định kỳ nào?", "bao lâu một lần?": how often. "Gửi báo cáo định kỳ về đâu?" asks where, not how often.
    [GeneratedRegex(@"dinh ky (nao|bao lau|may|ra sao|the nao)|theo dinh ky nao|bao lau (mot|1) lan|tan suat|may lan")]
    private static partial Regex PeriodWords();

    [GeneratedRegex(@"\b(ke hoach|quyet dinh|van ban|kh|qd) nay\b(\s+\S+){0,4}?\s+(so may|so hieu|so bao nhieu|ky hieu|ky ngay|ky khi nao|ky luc nao|ban hanh ngay|ban hanh khi nao)")]
    private static partial Regex SelfWords();

    [GeneratedRegex(@"\bho (va )?ten\b|nguoi (da )?ky\b|\bai (da )?ky\b|ky boi ai|\b(?<role>pho truong ban|truong ban|chu tich|pho chu tich|bi thu|giam doc|chanh van phong|to truong)\b[^?]*\b(la ai|ai|ten (la )?gi|la gi)\b|\bai\s+(lam|giu|la|dam nhiem|dam nhan)\s+(?<role>pho truong ban|truong ban|chu tich|pho chu tich|bi thu|giam doc|chanh van phong|to truong)\b")]
    private static partial Regex PersonWords();

    [GeneratedRegex(@"\bbao cao\b(?:\s+(?!quy|6|sau|nam|hang|thang|ca)\S+){0,4}?\s+(?:ca\s+)?(?<period>quy|6 thang|sau thang|nam|hang nam|thang|hang thang)\b")]
    private static partial Regex ReportWords();

    [GeneratedRegex(@"(?<![\w/.-])(?:\d+[a-z]+\d*|[a-z]+\d+[a-z]*)(?![\w/.-])", RegexOptions.IgnoreCase)]
    private static partial Regex Identifier();

    // Salaries, fees, prices and funding amounts are sums of money, whatever unit the asker leaves out.
    [GeneratedRegex(@"\b(?<kind>nghi quyet|quyet dinh|ke hoach|chuong trinh|cong van|thong tu|nghi dinh|chi thi|luat|kh|qd|nq)( hanh dong)? so (may|nao|bao nhieu|gi)\b")]
    private static partial Regex AskedKindWords();

    [GeneratedRegex(@"(ty|trieu|nghin|ngan)? ?dong\b|\bvnd\b|\b(muc luong|tien luong|luong co so|luong toi thieu|bao nhieu tien|kinh phi|chi phi|gia ve|hoc phi|phu cap|muc gia|gia ban)\b")]
    private static partial Regex CurrencyWords();

    [GeneratedRegex(@"\b(20[2-5]\d)\b")]
    private static partial Regex YearNumber();

    public QuestionAnalysis Analyze(string question)
    {
        // "AI" typed in capitals is artificial intelligence, not "ai" (who).
        var folded = VietnameseText.CollapseSpaces(VietnameseText.Fold(Regex.Replace(question, @"\bAI\b", "tri tue nhan tao")).Replace('?', ' '));
        var asks = new List<Ask>();
        var selfReference = SelfWords().IsMatch(folded);
        if (DateWords().IsMatch(folded)) asks.Add(Ask.Date);
        if (DeadlineWords().IsMatch(folded) && !asks.Contains(Ask.Date)) asks.Add(Ask.Deadline);
        if (PeriodWords().IsMatch(folded)) asks.Add(Ask.Period);
        // "…, nơi nào sớm hơn?" compares the places named; it does not ask for a unit.
        var unitFolded = LocalityCount(folded) >= 2 ? Regex.Replace(folded, @"\b(noi|ben) nao\b", " ") : folded;
        if (CoordinationWords().IsMatch(unitFolded)) asks.Add(Ask.CoordinatingUnit);
        else if (UnitWords().IsMatch(unitFolded)) asks.Add(Ask.Unit);
        if (DocumentWords().IsMatch(folded)) asks.Add(Ask.DocumentNumber);
        var statesFigure = Regex.IsMatch(folded, @"\d\s?(%|phan tram)");
        if (FigureWords().IsMatch(folded) && !asks.Contains(Ask.DocumentNumber) && !(statesFigure && asks.Any(a => a is Ask.Date or Ask.Deadline))) asks.Add(Ask.Figure);
        if (NameWords().IsMatch(folded)) asks.Add(Ask.Name);
        var person = PersonWords().Match(folded);
        if (person.Success)
        {
            // "Ai làm trưởng ban?" asks for a person or a post: a unit ("Phòng Văn hóa - Xã hội") does not answer it.
            asks.RemoveAll(a => a is Ask.Unit or Ask.Name or Ask.CoordinatingUnit);
            asks.Insert(0, Ask.Person);
        }
        if (ListWords().IsMatch(folded) && asks.All(a => a is Ask.Unit or Ask.CoordinatingUnit)) asks.Add(Ask.List);
        if (asks.Count == 0) asks.Add(Ask.General);

        var years = YearNumber().Matches(folded).Select(m => int.Parse(m.Value)).ToList();
        var localities = _localities
            .Select(l => (l.DocId, Position: l.Names.Select(n => IndexOfWord(folded, n)).Where(p => p >= 0).DefaultIfEmpty(-1).Min()))
            .Where(l => l.Position >= 0)
            .OrderBy(l => l.Position)
            .Select(l => l.DocId)
            .ToList();

        var allNamed = _numbers.Where(n => n.Reference.IsMatch(folded)).Select(n => n.DocId)
            .Concat(_issued.Where(n => n.Reference.IsMatch(IssuerWords(folded))).Select(n => n.DocId)).Distinct().ToList();
        var named = allNamed.FirstOrDefault();
        var askedKind = AskedKindWords().Match(folded).Groups["kind"].Value switch { "kh" => "ke hoach", "qd" => "quyet dinh", "nq" => "nghi quyet", var k => k };
        var otherKind = askedKind.Length > 0 && named is not null && _kinds.GetValueOrDefault(named) is { Length: > 0 } ownKind && ownKind != askedKind;
        return new QuestionAnalysis(
            question,
            asks,
            years.Count > 0 ? years[^1] : null,
            localities,
            selfReference,
            CurrencyWords().IsMatch(folded) && folded.Contains("bao nhieu") && !Regex.IsMatch(folded, @"%|phan tram|ty le"),
            CountedNoun(question),
            Topic(question),
            named,
            Identifier().Matches(folded).Select(m => m.Value).Distinct().ToList(),
            ReportWords().Match(folded) is { Success: true } report ? report.Groups["period"].Value.Replace("sau", "6").Replace("hang ", "") : null,
            person.Success ? person.Groups["role"].Value : null,
            otherKind) { NamedDocuments = allNamed };
    }

    private int LocalityCount(string folded) => _localities.Count(l => l.Names.Any(n => IndexOfWord(folded, n) >= 0));

    private static int IndexOfWord(string folded, string name)
    {
        var m = Regex.Match(folded, $@"\b{Regex.Escape(name)}\b");
        return m.Success ? m.Index : -1;
    }

    /// <summary>The noun after "bao nhiêu" when it counts things, in the asker's own spelling.</summary>
    private static string? CountedNoun(string question)
    {
        var m = Regex.Match(question, @"(?i)bao\s+nhi[eêếề]u\s+(?<noun>[\p{L}]+(?:\s+[\p{L}]+)?)");
        if (!m.Success) return null;
        var noun = m.Groups["noun"].Value;
        var folded = VietnameseText.Fold(noun);
        // "Bao nhiêu năm" counts years ("giai đoạn 10 năm"), so năm/tháng/ngày are nouns here.
        string[] notCounted = ["phan", "ty", "trieu", "tuoi", "lan", "muc", "nhom", "tinh", "%", "gio", "dong"];
        if (notCounted.Any(n => folded == n || folded.StartsWith(n + " "))) return null;
        var words = noun.Split(' ');
        // "bao nhiêu sáng kiến trong…" → keep the noun, drop what follows it.
        string[] stops = ["trong", "cho", "cua", "duoc", "o", "tai", "ve", "la", "thi", "de", "moi", "phai", "can", "dat", "vao", "nam", "den", "nay", "tren", "khi"];
        // "đạt bao nhiêu vào năm 2040?" counts nothing: a preposition is not a noun.
        if (stops.Contains(VietnameseText.Fold(words[0]))) return null;
        if (words.Length == 2 && stops.Contains(VietnameseText.Fold(words[1]))) return words[0];
        return noun;
    }

    /// <summary>The question with locality names and chit-chat removed: what to look up in each locality's plan.</summary>
    public string Topic(string question)
    {
        // "…, nơi nào sớm hơn?", "khác nhau thế nào": the comparison is made across the answers, not searched for.
        var text = Comparison.Replace(question, " ");
        foreach (var (_, names) in _localities)
            foreach (var name in names)
                text = Regex.Replace(text, @"(?i)\b(x[ãa]|t[iỉ]nh)?\s*" + FoldInsensitivePattern(name) + @"\b", " ");
        return VietnameseText.CollapseSpaces(text);
    }

    private static readonly Regex Comparison = new(
        $@"(?i),?\s*\b(?:(?:{FoldInsensitivePattern("noi")}|{FoldInsensitivePattern("ben")}|{FoldInsensitivePattern("van ban")}|{FoldInsensitivePattern("xa")}|{FoldInsensitivePattern("tinh")})\s+{FoldInsensitivePattern("nao")}\s+\S+\s+{FoldInsensitivePattern("hon")}|{FoldInsensitivePattern("khac nhau")}(?:\s+{FoldInsensitivePattern("nhu")})?\s+{FoldInsensitivePattern("the nao")})\b");

    /// <summary>A regex matching a folded phrase in text typed with or without diacritics.</summary>
    public static string FoldInsensitivePattern(string folded)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in folded)
            sb.Append(c == ' ' ? @"\s+" : $"[{c}{Variants(c)}]");
        return sb.ToString();
    }

    private static string Variants(char c) => c switch
    {
        'a' => "AàáảãạăắằẳẵặâấầẩẫậÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬ",
        'e' => "EèéẻẽẹêếềểễệÈÉẺẼẸÊẾỀỂỄỆ",
        'i' => "IìíỉĩịÌÍỈĨỊ",
        'o' => "OòóỏõọôốồổỗộơớờởỡợÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢ",
        'u' => "UùúủũụưứừửữựÙÚỦŨỤƯỨỪỬỮỰ",
        'y' => "YỳýỷỹỵỲÝỶỸỴ",
        'd' => "DđĐ",
        _ => char.ToUpperInvariant(c).ToString(),
    };
}
