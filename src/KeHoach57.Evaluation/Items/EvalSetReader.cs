using System.Text;
using System.Text.Json;
using KeHoach57.Evaluation.Protocol;

namespace KeHoach57.Evaluation.Items;

/// <summary>
/// Reads eval sets (JSONL, item format in eval/README.md). Every problem of every line is collected and
/// reported together, each naming its file and line; nothing is half-loaded.
/// </summary>
public static class EvalSetReader
{
    public const string DialogueType = "dialogue";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Files as given, folders as their *.jsonl files (sorted, so runs are reproducible).</summary>
    public static IReadOnlyList<string> ResolveFiles(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var problems = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.GetFiles(input, "*.jsonl").OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (found.Count == 0) problems.Add($"{input}: thư mục không có tệp .jsonl nào");
                files.AddRange(found);
            }
            else if (File.Exists(input)) files.Add(input);
            else problems.Add($"{input}: không tìm thấy tệp hoặc thư mục");
        }
        if (problems.Count > 0) throw new EvalSetFormatException(problems);
        return files.Select(Path.GetFullPath).Distinct().ToList();
    }

    /// <summary>Reads several sets; ids must be unique across all of them, since reports and comparisons key on id.</summary>
    public static IReadOnlyList<EvalSet> ReadAll(IEnumerable<string> files)
    {
        var problems = new List<string>();
        var sets = new List<EvalSet>();
        foreach (var file in files)
        {
            try { sets.Add(Read(file)); }
            catch (EvalSetFormatException ex) { problems.AddRange(ex.Problems); }
        }
        foreach (var name in sets.GroupBy(s => s.Name).Where(g => g.Count() > 1))
            problems.Add($"hai tệp cùng tên bộ \"{name.Key}\" ({string.Join(", ", name.Select(s => s.Path))}): ngưỡng và báo cáo tính theo tên bộ");
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in sets.SelectMany(s => s.Cases))
            if (!seen.TryAdd(c.Id, c.Source)) problems.Add($"{c.Source}: id \"{c.Id}\" đã có ở {seen[c.Id]}");
        if (problems.Count > 0) throw new EvalSetFormatException(problems);
        return sets;
    }

    public static EvalSet Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(Path.GetFileNameWithoutExtension(path), path, stream);
    }

    public static EvalSet Parse(string name, string path, Stream input)
    {
        var problems = new List<string>();
        var cases = new List<EvalCase>();
        var items = 0;
        var lineNumber = 0;
        foreach (var bytes in SplitLines(input))
        {
            lineNumber++;
            var where = $"{path}:{lineNumber}";
            string text;
            try { text = StrictUtf8.GetString(bytes); }
            catch (DecoderFallbackException)
            {
                problems.Add($"{where}: không phải văn bản UTF-8 hợp lệ");
                continue;
            }
            if (lineNumber == 1) text = text.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonDocument json;
            try { json = JsonDocument.Parse(text); }
            catch (JsonException ex)
            {
                problems.Add($"{where}: JSON không hợp lệ ({ex.Message.Split('.')[0]})");
                continue;
            }
            using (json)
            {
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where}: mỗi dòng phải là một đối tượng JSON {{\"id\", \"question\", …}}");
                    continue;
                }
                items++;
                var line = lineNumber;
                cases.AddRange(ParseItem(name, new ItemFields(json.RootElement, where, problems), json.RootElement).Select(c => c with { Line = line }));
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
            if (!seen.Add(c.Id)) problems.Add($"{c.Source}: id \"{c.Id}\" lặp lại trong tệp");
        if (problems.Count > 0) throw new EvalSetFormatException(problems);
        return new EvalSet(name, path, items, cases);
    }

    private static IEnumerable<EvalCase> ParseItem(string set, ItemFields item, JsonElement json)
    {
        var id = item.RequiredString("id");
        var tags = item.Strings("tags");
        var isDialogue = json.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == DialogueType;
        if (!isDialogue)
        {
            var single = ParseQuestion(set, id, item, scope: item.OptionalString("scope"), tags);
            return single is null ? [] : [WithProtocolFields(single, item)];
        }

        var dialogueScope = item.OptionalString("scope");
        // Dialogues are not split by `eval split`: without their own half they are tuned on.
        var dialogueHalf = item.Choice("half", Halves.Both) ?? Halves.Tune;
        if (!json.TryGetProperty("turns", out var turns) || turns.ValueKind != JsonValueKind.Array || turns.GetArrayLength() == 0)
        {
            item.Problem("hội thoại (type \"dialogue\") cần \"turns\": danh sách các lượt {\"question\", \"doc\", \"type\", \"answer_any\", \"evidence\"}");
            return [];
        }
        var cases = new List<EvalCase>();
        var n = 0;
        foreach (var turn in turns.EnumerateArray())
        {
            n++;
            var turnWhere = $"{item.Where} lượt {n}";
            if (turn.ValueKind != JsonValueKind.Object)
            {
                item.Problem($"lượt {n} phải là một đối tượng JSON");
                continue;
            }
            var fields = item.Child(turn, turnWhere);
            // A turn may move the conversation to another document, as "/phamvi" does in chat.
            var scope = fields.Has("scope") ? fields.OptionalString("scope") : dialogueScope;
            var c = ParseQuestion(set, id is null ? null : $"{id}#{n}", fields, scope, tags.Concat(fields.Strings("tags")).Distinct().ToList());
            if (c is not null) cases.Add(c with { DialogueId = id, Turn = n, Half = dialogueHalf });
        }
        return cases;
    }

    private static EvalCase? ParseQuestion(string set, string? id, ItemFields f, string? scope, IReadOnlyList<string> tags)
    {
        var question = f.RequiredString("question");
        var type = f.RequiredString("type");
        var doc = f.Doc();
        var answerable = doc is not null;
        var plain = f.OptionalString("question_plain");
        var doc2 = f.OptionalString("doc2");
        var groups = f.Groups("answer_any", required: answerable);
        var evidence = answerable ? f.RequiredString("evidence") : f.OptionalString("evidence");
        if (id is null || question is null || type is null || (answerable && evidence is null)) return null;
        return new EvalCase(id, set, question, plain, scope, doc, doc2, type, groups, evidence ?? "", tags, f.Where);
    }

    /// <summary>The generalization protocol's fields of a single item (eval/README.md).</summary>
    private static EvalCase WithProtocolFields(EvalCase c, ItemFields f)
    {
        var naKind = f.Choice("na_kind", NaKinds.All);
        if (naKind is not null && c.Answerable) f.Problem("\"na_kind\" chỉ dành cho câu không trả lời được (doc null)");
        return c with
        {
            Fact = f.Has("fact") ? f.RequiredString("fact") : null,
            Wording = f.Choice("wording", Wordings.All) ?? Wordings.Formal,
            Half = f.Choice("half", Halves.Both),
            NaKind = naKind,
        };
    }

    /// <summary>The bytes of each line, without its "\n" (a "\r" stays): `eval split` rewrites lines from these.</summary>
    internal static IEnumerable<byte[]> SplitLines(Stream input)
    {
        var line = new MemoryStream();
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                yield return line.ToArray();
                line.SetLength(0);
            }
            else line.WriteByte((byte)b);
        }
        if (line.Length > 0) yield return line.ToArray();
    }
}
