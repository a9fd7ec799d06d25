using System.Collections.Concurrent;
using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Values;
using KeHoach57.Core;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;
using KeHoach57.Retrieval;
using Microsoft.Extensions.Options;

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
    private readonly ClauseReader? _clauses;
    private readonly string? _data;
    private readonly int _maxKept;
    private readonly string _readingsKey;
    // Readings kept in the data folder (KeepReadings): read once, on the first text of a plan that needs restoring.
    private IReadOnlyDictionary<string, string>? _kept;

    public AnswerText(Corpus corpus, UnitGazetteer units, VietnameseAnalyzer analyzer, Glossary glossary,
        ClauseReader? clauses = null, IOptions<IndexOptions>? index = null, IOptions<AnsweringOptions>? answering = null)
    {
        _corpus = corpus;
        _units = units;
        _clauses = clauses;
        _data = index is null ? null : RepositoryPaths.Resolve(index.Value.DataPath);
        _maxKept = answering?.Value.MaxKeptReadings ?? 0;
        // What a reading depends on: the plans' text, the analyzer, and this build of answering (clauses, unit names) and of the restorer.
        _readingsKey = $"{CorpusIndexer.FingerprintOf(corpus, analyzer)}|{typeof(AnswerText).Assembly.ManifestModule.ModuleVersionId:N}|{typeof(DiacriticRestorer).Assembly.ManifestModule.ModuleVersionId:N}";
        // The shipped syllable model already holds the clean plan and the glossary; the unit names are this deployment's own.
        _restorer = new DiacriticRestorer(analyzer, units.CanonicalNames, _data is null ? null : Path.Combine(_data, RestorerModelFile));
    }

    /// <summary>The restorer's model with the unit names added, kept in the data folder between runs.</summary>
    public const string RestorerModelFile = "restorer-model.bin";

    /// <summary>
    /// Works out the reading of every clause, and of what each sits under, of the plans whose OCR lost their diacritics,
    /// and keeps them in the data folder (unless kept already for this corpus and build, or there are more than
    /// <see cref="AnsweringOptions.MaxKeptReadings"/>): subject matching reads back every clause it weighs, and the restorer
    /// takes 2–4 ms a text the first time, most of a fresh process's first answer. Spread over the cores; the same readings
    /// as on first touch (the one function of the text, kept).
    /// </summary>
    public void KeepReadings(CancellationToken cancellationToken = default)
    {
        if (_data is null || _clauses is null || _maxKept == 0) return;
        var path = Path.Combine(_data, KeptReadings.FileName);
        if (Kept.Count > 0 || KeptReadings.Read(path, _readingsKey) is not null) return;
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in _corpus.Documents)
        {
            if (IsClean(document.Info.Id)) continue;
            foreach (var chunk in document.Chunks)
                foreach (var clause in _clauses.Of(chunk))
                {
                    texts.Add(clause.Text);
                    texts.Add(clause.Context);
                    if (texts.Count > _maxKept) return;
                }
        }
        var sources = texts.ToArray();
        var readings = new string[sources.Length];
        Parallel.For(0, sources.Length, new ParallelOptions { CancellationToken = cancellationToken },
            i => readings[i] = _restorer.Restore(_units.Canonicalize(sources[i])));
        var kept = new Dictionary<string, string>(sources.Length, StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++) kept[sources[i]] = readings[i];
        try { KeptReadings.Write(path, _readingsKey, kept); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        Volatile.Write(ref _kept, kept);
    }

    private IReadOnlyDictionary<string, string> Kept
    {
        get
        {
            if (Volatile.Read(ref _kept) is { } kept) return kept;
            var read = _data is null || _maxKept == 0 ? null : KeptReadings.Read(Path.Combine(_data, KeptReadings.FileName), _readingsKey);
            Interlocked.CompareExchange(ref _kept, read ?? new Dictionary<string, string>(), null);
            return _kept!;
        }
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
        if (IsClean(docId)) return _units.Canonicalize(source);
        return Kept.TryGetValue(source, out var kept) ? kept : _restorer.Restore(_units.Canonicalize(source));
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
