using KeHoach57.Answering.Values;
using KeHoach57.Core.Documents;
using KeHoach57.Core.Text;

namespace KeHoach57.Training.Quizzes;

/// <summary>
/// Lead units: a clause that opens with a unit ("Sở Tài chính chủ trì, phối hợp …"), or a clause under a heading
/// that names one ("1. Phòng Văn hóa - Xã hội" over the tasks it is given). The task is the rest of the clause.
/// Collective names ("Các sở, ban, ngành") answer nothing here: a question needs one unit.
/// </summary>
public sealed partial class LeadUnitFacts(FactContext context, UnitGazetteer units, FactCues cues) : IFactSource
{
    private const int MinTaskWords = 6;

    // What a unit named at the head of a clause is given to do; "UBND tỉnh Bắc Giang ban hành Kế hoạch" is no task.
    private readonly System.Text.RegularExpressions.Regex _duty = cues.Build(@"^\W*(\w+\W+){0,3}?{duty}");

    private readonly System.Text.RegularExpressions.Regex _partners = cues.Build(@"(,\s*)?(?<![\p{L}\d]){partners}\s+");

    private readonly System.Text.RegularExpressions.Regex _taskVerb = cues.Build(@"(?<![\p{L}\d]){task-verb}");

    public QuizKind Kind => QuizKind.LeadUnit;

    public IEnumerable<PlanFact> Read(CorpusDocument plan)
    {
        foreach (var chunk in plan.Chunks.Where(c => c.Kind == ChunkKind.Text))
        {
            var headingUnit = HeadingUnit(chunk);
            foreach (var clause in context.Clauses(chunk))
            {
                var opening = units.Find(clause.Text).FirstOrDefault(m => clause.Text[..m.Start].All(c => !char.IsLetter(c)));
                string unit;
                string task;
                if (opening is not null && !UnitGazetteer.IsGeneric(opening.Canonical) && _duty.IsMatch(VietnameseText.Fold(clause.Text[opening.End..])))
                    (unit, task) = (opening.Canonical, clause.Text[opening.End..]);
                // A heading's unit governs the items under it, not the pieces of an item's list ("…: Phát triển hạ tầng số;
                // chuyển đổi số cho doanh nghiệp…"), which name no task of their own.
                else if (opening is null && StartsItem(clause) && GoverningUnit(clause, headingUnit) is { } governing)
                    (unit, task) = (governing, clause.Text);
                else continue;
                task = WithoutPartners(task.TrimStart(' ', ':', ',', '-', '.'));
                // "Trách nhiệm của Ban Chỉ đạo tỉnh" under its own heading names the unit: it asks nothing.
                if (FactText.Words(task) < MinTaskWords || ValuesIn(task).Contains(Key(unit))) continue;
                var shown = FactText.Cap(context.Display(task, plan.Info.Id), 22).Replace(" Các ", " các ");
                shown = char.ToLowerInvariant(shown[0]) + shown[1..];
                if (!FactContext.Readable(shown)) continue;
                yield return new PlanFact(plan.Info.Id, Kind, shown, unit, [unit],
                    $"cơ quan, đơn vị nào {shown}?", $"{unit} {shown}", clause)
                {
                    SubjectWords = context.ContentWords(task),
                    ShownWords = context.ContentWords(shown),
                };
            }
        }
    }

    private const int MaxPartnerWords = 14;

    /// <summary>
    /// "chủ trì, phối hợp với các sở, ban, ngành, địa phương theo dõi, đôn đốc …" → "chủ trì theo dõi, đôn đốc …": the
    /// units a lead works with are another fact, and a "which unit" stem that names them has more than one answer in it.
    /// </summary>
    private string WithoutPartners(string task)
    {
        var folded = VietnameseText.Fold(task);
        // Cuts found in the folded text apply to the source only while folding keeps offsets.
        if (folded.Length != task.Length) return task;
        var partners = _partners.Match(folded);
        if (!partners.Success) return task;
        var after = partners.Index + partners.Length;
        var verb = _taskVerb.Match(folded[after..]);
        if (!verb.Success || FactText.Words(task[after..(after + verb.Index)]) > MaxPartnerWords) return task;
        return task[..partners.Index].TrimEnd(' ', ',') + " " + task[(after + verb.Index)..].TrimStart();
    }

    public IReadOnlySet<string> ValuesIn(string text) =>
        units.Find(text).Concat(units.FindScattered(text)).Select(m => Key(m.Canonical)).ToHashSet();

    public string Key(string value) => FactText.Compact(value);

    /// <summary>Single units the plan names anywhere (collectives answer no "which unit" stem).</summary>
    public IEnumerable<string> Mentioned(CorpusDocument plan) =>
        plan.Chunks.SelectMany(c => units.Find(c.Text)).Select(m => m.Canonical).Where(u => !UnitGazetteer.IsGeneric(u)).Distinct();

    /// <summary>The unit a section's own heading names, when the heading is that name and little else.</summary>
    private string? HeadingUnit(Chunk chunk)
    {
        var cut = chunk.Section.LastIndexOf(" › ", StringComparison.Ordinal);
        return UnitOfHeading(cut < 0 ? chunk.Section : chunk.Section[(cut + 3)..]);
    }

    private string? UnitOfHeading(string heading)
    {
        var found = units.Find(heading).FirstOrDefault(m => !UnitGazetteer.IsGeneric(m.Canonical));
        return found is not null && FactText.Words(heading) <= FactText.Words(found.Canonical) + 4 ? found.Canonical : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\d+(\.\d+)*\.|[a-zđ]\))\s*\S")]
    private static partial System.Text.RegularExpressions.Regex HeadingLine();

    /// <summary>Whether the clause opens a line of its passage (an item or a paragraph), after its bullet.</summary>
    private static bool StartsItem(Answering.Clauses.Clause clause)
    {
        var text = clause.Chunk.Text;
        var i = Math.Min(clause.Start, text.Length) - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '-' or '+' or '•' or '–' or '*') i--;
        return i < 0 || text[i] == '\n';
    }

    /// <summary>
    /// The unit whose heading a clause stands under. A chunk opens with its own heading line and may carry a tiny
    /// sibling section merged into it, heading line and all ("3. Các phòng, ban, ngành: …" after "2. Phòng Kinh tế"):
    /// the last heading line before the clause governs it, not the chunk's breadcrumb.
    /// </summary>
    private string? GoverningUnit(Answering.Clauses.Clause clause, string? sectionUnit)
    {
        var text = clause.Chunk.Text;
        var end = Math.Min(clause.Start, text.Length);
        var lines = text[..end].Split('\n');
        // The clause's own line is not a heading above it.
        for (var i = lines.Length - 2; i >= 0; i--)
            if (HeadingLine().IsMatch(lines[i])) return i == 0 ? sectionUnit ?? UnitOfHeading(lines[i]) : UnitOfHeading(lines[i]);
        return sectionUnit;
    }
}
