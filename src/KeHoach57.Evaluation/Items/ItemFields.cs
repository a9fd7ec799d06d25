using System.Text.Json;

namespace KeHoach57.Evaluation.Items;

/// <summary>
/// Typed access to one item's JSON fields that records a problem (naming file, line and field) instead of
/// throwing, so one pass reports every bad field of every line.
/// </summary>
internal sealed class ItemFields(JsonElement item, string where, List<string> problems)
{
    public string Where => where;

    public bool Has(string name) => item.TryGetProperty(name, out _);

    /// <summary>A nested object (a dialogue turn) reporting into the same problem list.</summary>
    public ItemFields Child(JsonElement element, string childWhere) => new(element, childWhere, problems);

    public void Problem(string message) => problems.Add($"{where}: {message}");

    public string? RequiredString(string name)
    {
        if (item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
            return v.GetString();
        Problem($"\"{name}\" phải là chuỗi không rỗng");
        return null;
    }

    /// <summary>Absent or null gives null; any other non-string is a problem.</summary>
    public string? OptionalString(string name)
    {
        if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        Problem($"\"{name}\" phải là chuỗi hoặc null");
        return null;
    }

    /// <summary>Absent gives null; present, it must be one of <paramref name="allowed"/> (null is not one).</summary>
    public string? Choice(string name, IReadOnlyList<string> allowed)
    {
        if (!item.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String && allowed.Contains(v.GetString()!, StringComparer.Ordinal)) return v.GetString();
        Problem($"\"{name}\" phải là một trong {string.Join(", ", allowed)} (đang là {v.GetRawText()})");
        return null;
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return v.EnumerateArray().Select(e => e.GetString()!).ToList();
        Problem($"\"{name}\" phải là danh sách chuỗi");
        return [];
    }

    /// <summary>answer_any: a list of groups, each a non-empty list of non-empty alternatives.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups(string name, bool required)
    {
        if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Problem($"thiếu \"{name}\" (câu có tài liệu trả lời cần ít nhất một nhóm đáp án)");
            return [];
        }
        var groups = new List<IReadOnlyList<string>>();
        var valid = v.ValueKind == JsonValueKind.Array;
        if (valid)
        {
            foreach (var group in v.EnumerateArray())
            {
                if (group.ValueKind != JsonValueKind.Array || group.GetArrayLength() == 0
                    || group.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(a.GetString())))
                {
                    valid = false;
                    break;
                }
                groups.Add(group.EnumerateArray().Select(a => a.GetString()!).ToList());
            }
        }
        if (!valid)
        {
            Problem($"\"{name}\" phải là danh sách các nhóm, mỗi nhóm là danh sách chuỗi không rỗng, ví dụ [[\"10 tỉnh\", \"top 10\"]]");
            return [];
        }
        // An empty list would make any answered reply count as right (score.py: all([]) is true).
        if (required && groups.Count == 0) Problem($"\"{name}\" rỗng: câu có tài liệu trả lời cần ít nhất một nhóm đáp án");
        return groups;
    }

    /// <summary>"doc" must be present even when null, so a forgotten field is not read as "unanswerable".</summary>
    public string? Doc()
    {
        if (!Has("doc"))
        {
            Problem("thiếu \"doc\" (ghi null khi không kế hoạch nào trả lời)");
            return null;
        }
        return OptionalString("doc");
    }
}
