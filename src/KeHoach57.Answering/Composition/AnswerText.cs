using System.Collections.Concurrent;
using KeHoach57.Answering.Values;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Answering.Composition;

/// <summary>
/// Source text as an answer shows it: organisation names in their proper form and, for plans whose
/// OCR lost the diacritics, words read back into proper Vietnamese. Citations keep the source as is.
/// </summary>
public sealed class AnswerText
{
    private readonly UnitGazetteer _units;
    private readonly DiacriticRestorer _restorer;
    private readonly ConcurrentDictionary<string, bool> _clean = new();
    private readonly Corpus _corpus;

    public AnswerText(Corpus corpus, UnitGazetteer units, VietnameseAnalyzer analyzer, Glossary glossary)
    {
        _corpus = corpus;
        _units = units;
        // The shipped syllable model already holds the clean plan and the glossary; the unit names are this deployment's own.
        _restorer = new DiacriticRestorer(analyzer, units.CanonicalNames);
    }

    public string ForAnswer(string source, string docId)
    {
        var text = _units.Canonicalize(source);
        var clean = _clean.GetOrAdd(docId, id => _corpus.Find(id) is { } d && DiacriticRestorer.IsClean(d.Markdown));
        return clean ? text : _restorer.Restore(text);
    }

    public string Title(string docId) => _corpus.Find(docId)?.Info.Title ?? docId;
}
