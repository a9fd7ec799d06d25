using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KeHoach57.Evaluation.Items;

namespace KeHoach57.Evaluation.Protocol;

/// <summary>A fact `eval split` placed in a half.</summary>
public sealed record HalfAssignment(string Fact, string Stratum, string Half);

/// <summary>Facts per half in one stratum, counting those placed before.</summary>
public sealed record StratumHalves(int Tune, int Check);

/// <param name="Assigned">Facts that had no half, with the half they got.</param>
/// <param name="Strata">Every stratum's halves after the assignment.</param>
public sealed record SplitPlan(IReadOnlyList<HalfAssignment> Assigned, IReadOnlyDictionary<string, StratumHalves> Strata);

/// <param name="Rewritten">Each file that changed, with the number of lines that got a "half".</param>
public sealed record SplitOutcome(SplitPlan Plan, IReadOnlyList<(string File, int Lines)> Rewritten);

/// <summary>
/// Splits the project's own set into a tune half and a check half, by fact (all wordings of a fact together),
/// stratified by (document, type). Within a stratum the facts without a half are taken in the order of the
/// SHA-256 of their id and each goes to the stratum's smaller half, so a stratum's halves never differ by more
/// than one fact; a tie goes to the smaller half overall, then to the hash's parity. Facts already placed never
/// move, so adding items and splitting again only places the new ones.
/// </summary>
public static class HalfSplitter
{
    public static SplitPlan Plan(IEnumerable<EvalCase> cases)
    {
        var families = FactFamilies.Group(cases);
        var problems = families.SelectMany(FactFamilies.Disagreements).Where(f => f.IsError)
            .Select(f => $"{f.Case.Source}: {f.Message}").ToList();
        if (problems.Count > 0) throw new EvalSetFormatException(problems);

        var strata = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var overall = new int[2];
        foreach (var family in families)
        {
            var counts = CountsOf(strata, family.Stratum);
            if (family.Half is { } half)
            {
                counts[Side(half)]++;
                overall[Side(half)]++;
            }
        }

        var assigned = new List<HalfAssignment>();
        foreach (var stratum in families.Where(f => f.Half is null).GroupBy(f => f.Stratum).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = strata[stratum.Key];
            foreach (var (family, hash) in stratum.Select(f => (f, Hash(f.Fact))).OrderBy(x => x.Item2, StringComparer.Ordinal))
            {
                var side = counts[0] != counts[1] ? Smaller(counts)
                    : overall[0] != overall[1] ? Smaller(overall)
                    : Convert.ToInt32(hash[..2], 16) & 1;
                counts[side]++;
                overall[side]++;
                assigned.Add(new HalfAssignment(family.Fact, stratum.Key, Halves.Both[side]));
            }
        }
        return new SplitPlan(assigned, strata.ToDictionary(kv => kv.Key, kv => new StratumHalves(kv.Value[0], kv.Value[1]), StringComparer.Ordinal));
    }

    /// <summary>
    /// Writes "half" into every item of <paramref name="sets"/> that has none (a new wording of a placed fact joins
    /// its fact's half). Every other byte of every line stays as written; each file is replaced atomically.
    /// </summary>
    public static SplitOutcome Apply(IReadOnlyList<EvalSet> sets)
    {
        var cases = sets.SelectMany(s => s.Cases).ToList();
        var plan = Plan(cases);
        var halfOf = FactFamilies.Group(cases).Where(f => f.Half is not null).ToDictionary(f => f.Fact, f => f.Half!, StringComparer.Ordinal);
        foreach (var a in plan.Assigned) halfOf[a.Fact] = a.Half;

        var rewritten = new List<(string, int)>();
        foreach (var set in sets)
        {
            var edits = set.Cases.Where(c => c.DialogueId is null && c.Half is null)
                .ToDictionary(c => c.Line, c => (c.Id, Half: halfOf[c.Fact]));
            if (edits.Count == 0) continue;
            RewriteLines(set.Path, edits);
            rewritten.Add((set.Path, edits.Count));
        }
        return new SplitOutcome(plan, rewritten);
    }

    /// <summary>The line with <c>, "name": "value"</c> inserted before its closing brace; nothing else changes.</summary>
    public static byte[] AddField(byte[] line, string name, string value)
    {
        var close = Array.LastIndexOf(line, (byte)'}');
        if (close < 0) throw new InvalidDataException("dòng không phải đối tượng JSON");
        var field = Encoding.UTF8.GetBytes($", {JsonSerializer.Serialize(name)}: {JsonSerializer.Serialize(value)}");
        return [.. line.AsSpan(0, close), .. field, .. line.AsSpan(close)];
    }

    private static void RewriteLines(string path, IReadOnlyDictionary<int, (string Id, string Half)> edits)
    {
        var bytes = File.ReadAllBytes(path);
        var lines = EvalSetReader.SplitLines(new MemoryStream(bytes)).ToList();
        var output = new MemoryStream(bytes.Length + edits.Count * 20);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (edits.TryGetValue(i + 1, out var edit))
            {
                // The file was read before: make sure the line is still the item that was planned.
                if (IdOf(line) != edit.Id) throw new InvalidDataException($"{path}:{i + 1}: dòng đã đổi từ lúc đọc (cần \"{edit.Id}\"); chạy lại `eval split`");
                line = AddField(line, "half", edit.Half);
            }
            output.Write(line);
            if (i < lines.Count - 1 || bytes[^1] == '\n') output.WriteByte((byte)'\n');
        }
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, output.ToArray());
        File.Move(temp, path, overwrite: true);
    }

    private static string? IdOf(byte[] line)
    {
        try
        {
            var bom = line.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            using var json = JsonDocument.Parse(line.AsMemory(bom));
            return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    private static int[] CountsOf(IDictionary<string, int[]> strata, string stratum) =>
        strata.TryGetValue(stratum, out var counts) ? counts : strata[stratum] = new int[2];

    private static int Side(string half) => half == Halves.Tune ? 0 : 1;

    private static int Smaller(int[] counts) => counts[0] < counts[1] ? 0 : 1;

    private static string Hash(string fact) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fact)));
}
