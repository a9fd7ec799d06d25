using System.Text.RegularExpressions;
using KeHoach57.Answering.Understanding;
using KeHoach57.Core.Answers;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Pipeline;

/// <summary>
/// "Kế hoạch này số mấy, ký ngày nào?", "KH 44 ban hành ngày nào?": questions about a plan's own number and
/// date are answered from its header line, never from a document the plan cites.
/// </summary>
public sealed partial class PlanHeader(DocumentKinds kinds, VietnameseAnalyzer analyzer)
{
    [GeneratedRegex(@"\buy ban nhan dan\b")]
    private static partial Regex Ubnd();

    /// <summary>Whether the question asks only for the number or date of the plan <paramref name="doc"/> itself.</summary>
    public bool IsAbout(QuestionFacts question, CorpusDocument doc, bool inScope)
    {
        if (question.Plural || question.Asks.Count == 0 || question.Asks.Any(a => a.Kind is not (AskKind.DocumentRef or AskKind.Date))) return false;
        var ownKind = kinds.OfTitle(doc.Info.Title);
        // "KH 261 … căn cứ nghị quyết số mấy?" asks for another kind of document than the plan named.
        if (question.AskedDocumentSymbol is { } asked && ownKind is not null && ownKind.Symbol != asked) return false;
        // Named by its own kind and number ("Kế hoạch 44 … ban hành ngày nào?"): its header answers for its date. Its
        // number the asker already knows: "kế hoạch 261 … căn cứ nghị quyết số mấy?" asks for another document's.
        if (question.Places.ByNumber.Contains(doc.Info.Id)) return question.AsksFor(AskKind.Date);
        // "Quyết định … của UBND xã Trường Giang là quyết định số mấy?": the plan named by its issuer and its own kind.
        if (question.AskedDocumentSymbol is not null && doc.Info.Issuer.Length > 0
            && Issuer(question.Question).Contains(Issuer(doc.Info.Issuer), StringComparison.Ordinal)) return true;
        // "Quyết định này số mấy?" does, but "Quyết định này có hiệu lực từ lúc nào?" asks what its text says: the header
        // answers only when it also says every other word of the question (its number, kind, issuer, place).
        // "Kế hoạch của tỉnh Hưng Yên số mấy?" names the plan by its place as "kế hoạch này" does by pointing at it: the
        // same check of every other word holds for both. A number the question states is another document's ("kế hoạch
        // 386 của Tỉnh ủy Hưng Yên"), which the header may cite without being it.
        var named = question.Places.PlanIds is [var only] && only == doc.Info.Id && question.StatedNumbers.Count == 0 && question.Identifiers.Count == 0;
        if (!(question.Places.ThisPlan || named) || !inScope || doc.Chunks.OrderBy(c => c.Ordinal).FirstOrDefault() is not { } header) return false;
        var said = analyzer.Tokenize(header.Text + " " + doc.Info.Title + " " + doc.Info.Issuer).Select(t => t.Term).ToHashSet();
        // The words of the ask itself ("ký" of "ký ngày nào") say what is asked of the plan, not which plan.
        said.UnionWith(question.Asks.SelectMany(a => analyzer.Tokenize(a.Cue)).Select(t => t.Term));
        // OCR wrote the header's words as it could ("Ké hoach s6 …"): a subject word counts as said in any OCR spelling of it.
        return question.Subject.All(w => said.Contains(w) || KindWord(w) || said.Any(t => OcrDistance.SameWord(w, t)));
    }

    private bool KindWord(string word) => kinds.All.Any(k => k.Forms.Any(f => f.Contains(word)));

    private static string Issuer(string text) => VietnameseText.CollapseSpaces(Ubnd().Replace(VietnameseText.Fold(text), "ubnd"));

    /// <summary>The plan's own number and date as its header states them, with the header as citation; null when the header does not.</summary>
    public (string Line, string Value, Chunk Header)? Facts(QuestionFacts question, CorpusDocument doc)
    {
        var header = doc.Chunks.OrderBy(c => c.Ordinal).FirstOrDefault();
        if (header is null) return null;
        var parts = new List<string>();
        if (question.AsksFor(AskKind.DocumentRef) && !question.Places.ByNumber.Contains(doc.Info.Id))
        {
            var number = Regex.Match(doc.Info.Number, @"^\d+").Value;
            if (number.Length == 0 || !VietnameseText.Fold(header.Text).Contains(number, StringComparison.Ordinal)) return null;
            parts.Add($"số {doc.Info.Number}");
        }
        if (question.AsksFor(AskKind.Date))
        {
            if (!DateOnly.TryParse(doc.Info.Date, out var date)) return null;
            if (!Regex.IsMatch(VietnameseText.Fold(header.Text), $@"\b0?{date.Day}\b.*\b0?{date.Month}\b")) return null;
            parts.Add($"ngày {date.Day}/{date.Month}/{date.Year}");
        }
        if (parts.Count == 0) return null;
        var value = string.Join(", ", parts);
        return (char.ToUpper(value[0]) + value[1..], value, header);
    }
}
