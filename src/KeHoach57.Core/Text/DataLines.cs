namespace KeHoach57.Core.Text;

/// <summary>One row of a tab-separated data file, with its line number for error messages.</summary>
public sealed record DataLine(int Number, string[] Fields)
{
    public string Field(int i) => i < Fields.Length ? Fields[i] : "";
}

/// <summary>
/// Reads the project's tab-separated data files (word lists, cue phrases, gazetteers): '#' starts a comment
/// line, blank lines are skipped, fields are trimmed and NFC-normalized.
/// </summary>
public static class DataLines
{
    public static IEnumerable<DataLine> Read(string tsv)
    {
        var number = 0;
        foreach (var raw in tsv.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            yield return new DataLine(number, line.Split('\t').Select(f => VietnameseText.Normalize(f).Trim()).ToArray());
        }
    }

    /// <summary>An embedded data file of <paramref name="assembly"/> by its logical name.</summary>
    public static string ReadEmbedded(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
