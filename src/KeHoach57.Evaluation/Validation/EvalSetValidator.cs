using KeHoach57.Core.Documents;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Protocol;
using KeHoach57.Evaluation.Scoring;

namespace KeHoach57.Evaluation.Validation;

public sealed record ValidationFinding(string Id, string Source, string Message)
{
    public override string ToString() => $"{Source} [{Id}]: {Message}";
}

public sealed record ValidationResult(IReadOnlyList<ValidationFinding> Errors, IReadOnlyList<ValidationFinding> Warnings)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// Checks eval items against the loaded corpus, with score.py's own rules: an item's evidence must still
/// be in one chunk of its document (60% of its tokens, as a citation must hold it), and its expected answers
/// should occur in the document's text. This is what makes a re-import that loses or mangles text fail
/// loudly instead of quietly lowering the scores.
/// The OCR text mostly lacks diacritics or garbles them ("Văn hóa - Xã hội" is "Vin héa - X3 hoi" there), so
/// an answer group found nowhere is only a warning when the evidence holds; without the evidence it is an error.
/// The wordings of one fact must agree (<see cref="FactFamilies"/>).
/// </summary>
public sealed class EvalSetValidator(Corpus corpus)
{
    private readonly Dictionary<string, HashSet<string>> _chunkTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _foldedText = new(StringComparer.Ordinal);

    public ValidationResult Validate(IEnumerable<EvalCase> cases)
    {
        var errors = new List<ValidationFinding>();
        var warnings = new List<ValidationFinding>();
        var all = cases.ToList();
        foreach (var f in FactFamilies.Check(all))
            (f.IsError ? errors : warnings).Add(new ValidationFinding(f.Case.Id, f.Case.Source, f.Message));
        // The wordings of a fact share evidence and answers: checking them against the corpus once is enough.
        var checkedOnce = new HashSet<(string, string?, string?, string, string)>();
        foreach (var c in all)
        {
            void Error(string message) => errors.Add(new ValidationFinding(c.Id, c.Source, message));
            void Warn(string message) => warnings.Add(new ValidationFinding(c.Id, c.Source, message));

            if (c.Scope is not null && corpus.Find(c.Scope) is null) Error($"scope \"{c.Scope}\" không có trong corpus");
            if (string.IsNullOrWhiteSpace(c.QuestionPlain)) Warn("thiếu question_plain: biến thể không dấu sẽ hỏi câu có dấu");
            if (!c.Answerable)
            {
                if (c.AnswerAny.Count > 0) Warn("doc là null (không trả lời được) nhưng có answer_any: answer_any không được chấm");
                continue;
            }

            if (!checkedOnce.Add((c.Fact, c.Doc, c.Doc2, c.Evidence, string.Join("\n", c.AnswerAny.Select(g => string.Join("|", g)))))) continue;
            var docs = new[] { c.Doc, c.Doc2 }.OfType<string>().Select(id => (Id: id, Doc: corpus.Find(id))).ToList();
            foreach (var missing in docs.Where(d => d.Doc is null)) Error($"tài liệu \"{missing.Id}\" không có trong corpus");
            var found = docs.Select(d => d.Doc).OfType<CorpusDocument>().ToList();
            if (found.Count == 0) continue;

            var evidence = ScoreText.Tokens(c.Evidence);
            var best = found.SelectMany(d => d.Chunks)
                .Select(chunk => (chunk.Id, Share: ScoreText.EvidenceShare(evidence, TokensOf(chunk))))
                .DefaultIfEmpty((Id: "(không có đoạn nào)", Share: 0.0))
                .MaxBy(x => x.Share);
            var evidenceHolds = best.Share >= ScoreText.EvidenceNeed;
            if (!evidenceHolds)
                Error($"evidence không còn trong corpus: đoạn gần nhất ({best.Id}) chỉ có {best.Share * 100:0}% số từ (cần {ScoreText.EvidenceNeed * 100:0}%)");

            foreach (var group in c.AnswerAny)
            {
                if (group.Any(alt => found.Any(d => FoldedText(d).Contains(ScoreText.Fold(alt), StringComparison.Ordinal)))) continue;
                var message = $"không phương án nào của nhóm [{string.Join(" | ", group)}] có trong văn bản của {string.Join(", ", found.Select(d => d.Info.Id))}";
                if (evidenceHolds) Warn(message + " (chấp nhận: evidence có trong corpus, OCR viết khác)");
                else Error(message);
            }
        }
        return new ValidationResult(errors, warnings);
    }

    private HashSet<string> TokensOf(Chunk chunk)
    {
        if (!_chunkTokens.TryGetValue(chunk.Id, out var tokens))
            _chunkTokens[chunk.Id] = tokens = ScoreText.Tokens(chunk.Passage).ToHashSet(StringComparer.Ordinal);
        return tokens;
    }

    private string FoldedText(CorpusDocument doc)
    {
        if (!_foldedText.TryGetValue(doc.Info.Id, out var text))
            _foldedText[doc.Info.Id] = text = ScoreText.Fold(doc.Markdown);
        return text;
    }
}
