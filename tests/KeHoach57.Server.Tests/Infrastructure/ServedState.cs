using System.Security.Cryptography;
using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests.Infrastructure;

/// <summary>What a refused or failed upload must leave as it was: every file under corpus/, the answering stack, the index.</summary>
public sealed class ServedState
{
    private readonly SortedDictionary<string, string> _files;
    private readonly AnsweringStack? _stack;
    private readonly string? _index;

    private ServedState(SortedDictionary<string, string> files, AnsweringStack? stack, string? index) => (_files, _stack, _index) = (files, stack, index);

    public static async Task<ServedState> TakeAsync(AssistantServerFactory factory)
    {
        var root = factory.Corpus.CorpusPath;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(root, file)] = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)));
        var index = await factory.Services.GetRequiredService<ISearchIndex>().GetStatusAsync(TestContext.Current.CancellationToken);
        return new(files, factory.Services.GetRequiredService<AssistantHolder>().Stack, index?.Fingerprint);
    }

    public async Task AssertUnchangedAsync(AssistantServerFactory factory, HttpClient client)
    {
        var now = await TakeAsync(factory);
        Assert.Equal(_files, now._files);
        Assert.Same(_stack, now._stack);
        Assert.Equal(_index, now._index);
        await Answers.StillAnswersAsync(client);
    }
}
