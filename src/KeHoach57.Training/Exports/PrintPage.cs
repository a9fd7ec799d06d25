using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace KeHoach57.Training.Exports;

/// <summary>
/// What the trainers' printable pages share: Vietnamese kept readable in the markup, and their style either inline
/// (a file saved by the CLI stands alone) or linked (the server's content security policy forbids inline style).
/// </summary>
public static class PrintPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string text) => Encoder.Encode(text);

    /// <param name="stylesheet">The style's address on the server, or null to put it inline.</param>
    public static StringBuilder Start(string title, string css, string? stylesheet) => new StringBuilder()
        .Append("<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(E(title)).Append("</title>")
        .Append(stylesheet is null
            ? "<style>" + css + "</style>"
            : $"<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"{E(stylesheet)}\">")
        .Append("</head><body>\n");
}
