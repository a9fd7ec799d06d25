using System.Text;
using KeHoach57.Core.Documents;
using KeHoach57.Evaluation.Items;
using KeHoach57.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Evaluation.Tests;

/// <summary>
/// Small in-memory corpora and containers around them. Built directly (one chunk per paragraph) rather than
/// through corpus/*.md, so these tests do not depend on the import format being built in parallel.
/// </summary>
internal static class TestCorpus
{
    public static Corpus Create(params (string Id, string Text)[] documents) =>
        new(documents.Select(d => new CorpusDocument(
            new DocumentInfo(d.Id, "Kế hoạch " + d.Id),
            d.Text,
            d.Text.Split("\n\n").Select((p, i) => new Chunk($"{d.Id}/p{i}", d.Id, "", p.Trim(), Ordinal: i)).ToList())).ToList(),
            Guid.NewGuid().ToString("N"));

    public static readonly Corpus Plans = Create(
        ("yen-hoa", "Cac bo phan bao cao ket qua thuc hien truoc ngay 20 hang thang de tong hop.\n\nBao cao 6 thang gui truoc ngay 10/6 ve UBND xa.\n\nPhong Van hoa - Xa hoi chu tri trien khai ke hoach."),
        ("truong-giang", "Cac don vi bao cao ket qua truoc ngay 10 hang thang de tong hop, bao cao UBND xa.\n\nBao cao nam gui truoc ngay 15/12.\n\nPhong Kinh te chu tri bao dam nguon kinh phi."));

    /// <summary>The production container (AddAssistant) over <paramref name="corpus"/>, indexing into <paramref name="dataPath"/>.</summary>
    public static ServiceProvider Services(Corpus corpus, string dataPath, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?> { ["Index:DataPath"] = dataPath };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(corpus); // registered first: AddAssistant only adds a loader-backed Corpus when none is
        configure?.Invoke(services);
        services.AddAssistant(configuration);
        return services.BuildServiceProvider();
    }
}

internal static class TestSets
{
    /// <summary>An eval set read from text, as from "&lt;name&gt;.jsonl".</summary>
    public static EvalSet Parse(string jsonl, string name = "t") =>
        EvalSetReader.Parse(name, $"{name}.jsonl", new MemoryStream(Encoding.UTF8.GetBytes(jsonl)));
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kehoach57-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(string name, string? content = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        if (content is not null) System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
