using Spectre.Console;

namespace KeHoach57.Cli;

/// <summary>A run of text with one Spectre style ("bold", "grey", "bold green"), or none.</summary>
public readonly record struct Styled(string Text, string? Style = null)
{
    public static implicit operator Styled(string text) => new(text);
}

/// <summary>
/// Where the CLI writes for a person. On a terminal: Spectre markup (emphasis, colour unless NO_COLOR is set).
/// With --plain: bare lines, no escape sequences and no wrapping, for scripts, screen readers and logs.
/// </summary>
public sealed class Terminal
{
    /// <summary>The width a plain line is shortened for when nothing tells the real one.</summary>
    public const int PlainWidth = 120;

    private readonly IAnsiConsole? _console;
    private readonly TextWriter? _plain;
    private readonly int _plainWidth;

    public Terminal(IAnsiConsole console) => _console = console;

    public Terminal(TextWriter plain, int width = PlainWidth)
    {
        _plain = plain;
        _plainWidth = width;
    }

    public bool IsPlain => _plain is not null;

    /// <summary>Characters a line holds before it wraps.</summary>
    public int Width => _console?.Profile.Width ?? _plainWidth;

    /// <param name="noColor">NO_COLOR is set (https://no-color.org): emphasis stays, colour goes.</param>
    /// <param name="ansi">Whether to write escape sequences; detected from the output unless a test says.</param>
    public static Terminal Create(bool plain, TextWriter output, bool noColor, AnsiSupport ansi = AnsiSupport.Detect)
    {
        if (plain) return new Terminal(output);
        return new Terminal(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ansi,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ansi == AnsiSupport.Yes ? ColorSystemSupport.TrueColor : ColorSystemSupport.Detect,
        }));
    }

    /// <summary>The terminal this process writes to, as the options and the environment ask.</summary>
    public static Terminal ForConsole(bool plain) =>
        Create(plain, Console.Out, !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    public void Line(params Styled[] spans)
    {
        if (_plain is not null)
        {
            _plain.WriteLine(string.Concat(spans.Select(s => s.Text)));
            return;
        }
        _console!.MarkupLine(string.Concat(spans.Select(s =>
            s.Style is null ? Markup.Escape(s.Text) : $"[{s.Style}]{Markup.Escape(s.Text)}[/]")));
    }
}
