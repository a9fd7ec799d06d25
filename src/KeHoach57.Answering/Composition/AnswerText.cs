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
    private readonly string _build;
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
        // What a reading depends on besides its text: the analyzer, and this build of answering (unit names) and of the restorer.
        _build = $"{analyzer.Signature}|{typeof(AnswerText).Assembly.ManifestModule.ModuleVersionId:N}|{typeof(DiacriticRestorer).Assembly.ManifestModule.ModuleVersionId:N}";
        // The shipped syllable model already holds the clean plan and the glossary; the unit names are this deployment's own.
        _restorer = new DiacriticRestorer(analyzer, units.CanonicalNames, _data is null ? null : Path.Combine(_data, RestorerModelFile));
    }

    /// <summary>The restorer's model with the unit names added, kept in the data folder between runs.</summary>
    public const string RestorerModelFile = "restorer-model.bin";

    private string? ReadingsFile => _data is null || _maxKept == 0 ? null : Path.Combine(_data, KeptReadings.FileName);

    /// <summary>
    /// Works out the reading of every clause, and of what each sits under, of the plans whose OCR lost their diacritics,
    /// and keeps them in the data folder: subject matching reads back every clause it weighs, and the restorer takes 2–4 ms
    /// a text the first time, most of a fresh process's first answer. Readings already kept are reused (a new plan costs its
    /// own texts only); the rest are spread over the cores. The same readings as on first touch: a reading is a function of
    /// the text. Past <see cref="AnsweringOptions.MaxKeptReadings"/> texts none are kept, and the file says so for this corpus.
    /// </summary>
    public void KeepReadings(CancellationToken cancellationToken = default)
    {
        if (_clauses is null || ReadingsFile is not { } path) return;
        var before = KeptReadings.Read(path, _build);
        if (before?.Corpus == _corpus.Fingerprint)
        {
            Volatile.Write(ref _kept, before.Readings);
            _restorer.Prefetch();
            return;
        }
        var texts = new HashSet<string>(StringComparer.Ordinal);
        // Every chunk holds a clause: a corpus of more chunks than the limit is taken as over it without reading a plan.
        var chunks = 0;
        foreach (var document in _corpus.Documents) chunks += document.Chunks.Count;
        foreach (var document in chunks > _maxKept ? [] : _corpus.Documents)
        {
            if (texts.Count > _maxKept) break;
            if (IsClean(document.Info.Id)) continue;
            foreach (var chunk in document.Chunks)
                foreach (var clause in _clauses.Of(chunk))
                {
                    texts.Add(clause.Text);
                    texts.Add(clause.Context);
                }
        }
        // Too many: none kept, and the file says so, so that later starts on this corpus do not count them again.
        var over = chunks > _maxKept || texts.Count > _maxKept;
        var missing = over ? [] : texts.Where(t => before is null || !before.Readings.ContainsKey(t)).ToArray();
        var readings = new string[missing.Length];
        Parallel.For(0, missing.Length, new ParallelOptions { CancellationToken = cancellationToken },
            i => readings[i] = _restorer.Restore(_units.Canonicalize(missing[i])));
        var kept = new Dictionary<string, string>(over ? 0 : texts.Count, StringComparer.Ordinal);
        for (var i = 0; i < missing.Length; i++) kept[missing[i]] = readings[i];
        if (!over)
            foreach (var text in texts)
                if (!kept.ContainsKey(text)) kept[text] = before!.Readings[text];
        try { KeptReadings.Write(path, _build, new KeptReadings.Kept(_corpus.Fingerprint, kept)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        Volatile.Write(ref _kept, kept);
    }

    private IReadOnlyDictionary<string, string> Kept
    {
        get
        {
            if (Volatile.Read(ref _kept) is { } kept) return kept;
            // Without KeepReadings (a tool that answers on a stack it built itself): what the file holds, if of this build.
            var read = ReadingsFile is { } path ? KeptReadings.Read(path, _build)?.Readings : null;
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
