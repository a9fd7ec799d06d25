using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KeHoach57.Hosting.Lifecycle;
using KeHoach57.Retrieval;
using KeHoach57.Retrieval.Embedded;
using KeHoach57.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Server.Tests.Admin;

/// <summary>
/// A plan uploaded while officials keep asking: no question fails before, during or after the swap (including
/// the moment the old stack answers over the rebuilt index), and the new plan answers its own question once
/// the upload has returned. Behaviour, not timing: the test holds the swap open at its riskiest point until
/// the askers have asked through it, and waits generously for everything else.
/// </summary>
public sealed class PlanSwapTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    private sealed record Asked(string Question, string? Scope, string? Fact);

    [Fact]
    public async Task Hỏi_liên_tục_trong_lúc_tải_kế_hoạch_lên_và_đổi_chỉ_mục_không_có_yêu_cầu_nào_lỗi()
    {
        PausingIndex? index = null;
        await using var factory = new AssistantServerFactory(services: services =>
            services.AddSingleton<ISearchIndex>(sp => index = new PausingIndex(ActivatorUtilities.CreateInstance<EmbeddedIndex>(sp))));
        using var client = await factory.CreateReadyClientAsync();
        var holder = factory.Services.GetRequiredService<AssistantHolder>();
        var before = holder.Stack;

        // Several askers: the old plans' questions must keep their answers; the new plan's question, unscoped,
        // only has to be answered without error (the old stack does not know the plan, the new one does).
        Asked[] questions =
        [
            new(TestCorpus.YenHoaQuestion, TestCorpus.YenHoa, TestCorpus.YenHoaFact),
            new(TestCorpus.TruongGiangQuestion, TestCorpus.TruongGiang, TestCorpus.TruongGiangFact),
            new(TestCorpus.YenHoaQuestion, null, TestCorpus.YenHoaFact),
            new(NewPlan.Question, null, null),
        ];
        var failures = new ConcurrentQueue<string>();
        var asked = 0;
        using var stop = new CancellationTokenSource();
        var askers = questions.Select(q => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/ask", new { question = q.Question, scope = q.Scope }, CancellationToken.None);
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (response.StatusCode != HttpStatusCode.OK || (q.Fact is not null && !Answered(body, q.Fact)))
                        failures.Enqueue($"{q.Question} [{q.Scope}] → {(int)response.StatusCode} {body}");
                }
                catch (Exception ex)
                {
                    failures.Enqueue($"{q.Question} [{q.Scope}] → {ex.GetType().Name}: {ex.Message}");
                }
                Interlocked.Increment(ref asked);
            }
        })).ToList();

        await WaitForAsync(() => Volatile.Read(ref asked) >= 20, "the askers to get going");
        index!.PauseNextRebuild();
        var upload = client.UploadAsync(NewPlan.Docx(), "ke-hoach.docx", cancellationToken: CancellationToken.None);

        // The new index is in, the old stack still answers: let every asker through this moment several times.
        await index.Replaced.Task.WaitAsync(Generous, TestContext.Current.CancellationToken);
        var atSwap = Volatile.Read(ref asked);
        await WaitForAsync(() => Volatile.Read(ref asked) >= atSwap + 40, "questions asked while the index was rebuilt and the stack not yet swapped");
        Assert.Same(before, holder.Stack);
        index.Resume();

        using (var response = await upload.WaitAsync(Generous, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var afterUpload = Volatile.Read(ref asked);
        await WaitForAsync(() => NewPlanAnswersAsync(client), "the new plan to answer its own question");
        await WaitForAsync(() => Volatile.Read(ref asked) >= afterUpload + 40, "questions asked after the swap");
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        Assert.True(failures.IsEmpty, $"{failures.Count} of {asked} questions failed:\n{string.Join("\n", failures.Take(10))}");
        Assert.NotSame(before, holder.Stack);
        Assert.Equal(4, holder.Stack!.Corpus.Documents.Count);
    }

    private static bool Answered(string body, string fact)
    {
        using var answer = JsonDocument.Parse(body);
        return answer.RootElement.GetProperty("answered").GetBoolean() && body.Contains(fact);
    }

    private static async Task<bool> NewPlanAnswersAsync(HttpClient client)
    {
        using var response = await client.PostJsonAsync("/api/ask", new { question = NewPlan.Question, scope = NewPlan.Id });
        return response.StatusCode == HttpStatusCode.OK && Answered(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), NewPlan.Fact);
    }

    private static Task WaitForAsync(Func<bool> done, string what) => WaitForAsync(() => Task.FromResult(done()), what);

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Generous);
        while (!await done())
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"Waited {Generous.TotalMinutes} minutes for {what}");
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
