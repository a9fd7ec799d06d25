namespace KeHoach57.Evaluation.Items;

/// <summary>Eval files that cannot be read as items; <see cref="Problems"/> names each file and line.</summary>
public sealed class EvalSetFormatException(IReadOnlyList<string> problems)
    : Exception("Tệp eval không hợp lệ:\n" + string.Join("\n", problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
