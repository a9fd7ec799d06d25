using KeHoach57.Answering.Clauses;
using KeHoach57.Answering.Values;

namespace KeHoach57.Answering.Asks;

/// <summary>The nearest heading above a clause that holds a value of the kind asked.</summary>
public static class HeadingValue
{
    public static (ValueSpan Value, string Heading)? Of(Clause clause, Func<string, List<ValueSpan>> find)
    {
        foreach (var heading in clause.Chunk.Section.Split(" › ").Reverse())
        {
            var values = find(heading).Where(v => v.Kind != ValueKind.Period).ToList();
            if (values.Count > 0) return (values[^1], heading);
        }
        return null;
    }
}
