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
    private const int CacheLimit = 4096;
    private const int MaxCachedLength = 4000;
    private readonly ConcurrentDictionary<string, bool> _clean = new();
    private readonly ConcurrentDictionary<(string Source, string DocId), string> _forAnswer = new();
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
        // The same clauses come back in answer after answer (as lead, quote and refusal passages): reading their unit
        // names again (a tokenization and gazetteer walk each) is most of what this costs, so the last few thousand are kept.
        if (source.Length > MaxCachedLength) return Read(source, docId);
        if (_forAnswer.TryGetValue((source, docId), out var known)) return known;
        var text = Read(source, docId);
        if (_forAnswer.Count >= CacheLimit) _forAnswer.Clear();
        _forAnswer[(source, docId)] = text;
        return text;
    }

    private string Read(string source, string docId)
    {
        var text = _units.Canonicalize(source);
        return IsClean(docId) ? text : _restorer.Restore(text);
    }

    /// <summary>
    /// A quote read back into proper Vietnamese for a plan whose OCR lost its diacritics, or null when the plan is
    /// clean Unicode or the reading changes nothing. The restorer leaves every syllable it is unsure of as written.
    /// </summary>
    public string? Restored(string quote, string docId)
    {
        if (IsClean(docId)) return null;
        var restored = ForAnswer(quote, docId);
        return restored == quote ? null : restored;
    }

    /// <summary>
    /// A plan's text read back into proper Vietnamese for matching what it says, or null when the plan is clean or the
    /// reading changes nothing. Not kept here: the caller keeps it with the clause, and the answer lines' cache is for answers.
    /// </summary>
    public string? Reading(string text, string docId)
    {
        if (IsClean(docId)) return null;
        var read = Read(text, docId);
        return read == text ? null : read;
    }

    private bool IsClean(string docId) => _clean.GetOrAdd(docId, id => _corpus.Find(id) is { } d && DiacriticRestorer.IsClean(d.Markdown));

    public string Title(string docId) => _corpus.Find(docId)?.Info.Title ?? docId;
}
