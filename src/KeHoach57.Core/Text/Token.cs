namespace KeHoach57.Core.Text;

/// <summary>A word of the analyzed text; <see cref="Start"/> and <see cref="Length"/> point into the original string.</summary>
public readonly record struct Token(string Term, int Start, int Length)
{
    public int End => Start + Length;
}
