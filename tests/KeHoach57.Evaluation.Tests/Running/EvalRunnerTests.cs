using System.Text;
using KeHoach57.Conversations;
using KeHoach57.Core.Answers;
using KeHoach57.Evaluation.Items;
using KeHoach57.Evaluation.Running;
using Microsoft.Extensions.DependencyInjection;

namespace KeHoach57.Evaluation.Tests.Running;

public class EvalRunnerTests
{
    private static IReadOnlyList<EvalCase> Cases(string jsonl) =>
        TestSets.Parse(jsonl).Cases;

    private const string Items = """
        {"id": "yh-1", "question": "Hạn báo cáo 6 tháng?", "question_plain": "Han bao cao 6 thang?", "scope": "yen-hoa", "doc": "yen-hoa", "type": "deadline", "answer_any": [["10/6"]], "evidence": "bao cao 6 thang gui truoc ngay 10/6"}
        {"id": "dlg-1", "type": "dialogue", "scope": "truong-giang", "turns": [{"question": "Báo cáo hằng tháng trước ngày nào?", "doc": "truong-giang", "type": "deadline", "answer_any": [["ngày 10"]], "evidence": "truoc ngay 10 hang thang"}, {"question": "còn báo cáo năm thì sao?", "doc": "truong-giang", "type": "deadline", "answer_any": [["15/12"]], "evidence": "bao cao nam gui truoc ngay 15/12"}]}
        """;

    /// <summary>Records which conversation each question went to, answering nothing.</summary>
    private sealed class RecordingTarget : IAnsweringTarget
    {
        public List<(string Question, string? Scope, string? Conversation)> Calls { get; } = [];
        public string Name => "recording";

        public Task<AnswerRecord> AskAsync(string question, string? scope, string? conversationId, CancellationToken cancellationToken)
        {
            Calls.Add((question, scope, conversationId));
            if (question.StartsWith("Báo cáo hằng")) throw new InvalidOperationException("hỏng");
            return Task.FromResult(new AnswerRecord(true, "trả lời " + question, question, AskKind.Fact, []));
        }
    }

    [Fact]
    public async Task Khởi_động_bằng_một_câu_rồi_hỏi_theo_thứ_tự_các_lượt_chung_một_hội_thoại()
    {
        var target = new RecordingTarget();
        var run = await new EvalRunner().RunAsync(target, Cases(Items), EvalVariant.QuestionPlain, TestContext.Current.CancellationToken);

        Assert.Equal(4, target.Calls.Count); // warm-up, then three cases
        Assert.Equal("Han bao cao 6 thang?", target.Calls[0].Question);
        Assert.Null(target.Calls[1].Conversation); // a single question takes the batch path
        Assert.NotNull(target.Calls[2].Conversation);
        Assert.Equal(target.Calls[2].Conversation, target.Calls[3].Conversation);
        Assert.Equal(["yh-1", "dlg-1#1", "dlg-1#2"], run.Lines.Select(l => l.Line.Id));
        Assert.Equal("Han bao cao 6 thang?", run.Lines[0].Line.Question);
        Assert.All(run.Lines, l => Assert.True(l.Line.LatencyMs >= 0));
    }

    [Fact]
    public async Task Câu_làm_target_ném_lỗi_thành_câu_sai_có_thông_báo_lần_chạy_vẫn_tiếp()
    {
        var run = await new EvalRunner().RunAsync(new RecordingTarget(), Cases(Items), EvalVariant.Question, TestContext.Current.CancellationToken);
        var broken = run.Lines.Single(l => l.Case.Id == "dlg-1#1").Line;
        Assert.False(broken.Answered);
        Assert.Contains("InvalidOperationException: hỏng", broken.Error);
        Assert.True(run.Lines.Single(l => l.Case.Id == "dlg-1#2").Line.Answered);
    }

    /// <summary>Remembers every save, to see which conversations the eval used.</summary>
    private sealed class RecordingStore : IConversationStore
    {
        private readonly InMemoryConversationStore _inner = new();
        public List<ConversationState> Saves { get; } = [];

        public Task<ConversationState?> FindAsync(string id, CancellationToken cancellationToken = default) => _inner.FindAsync(id, cancellationToken);

        public Task SaveAsync(ConversationState state, CancellationToken cancellationToken = default)
        {
            Saves.Add(state);
            return _inner.SaveAsync(state, cancellationToken);
        }
    }

    [Fact]
    public async Task Lượt_hội_thoại_đi_qua_ConversationService_của_trợ_lý_thật_trong_một_hội_thoại()
    {
        using var data = new TempFolder();
        var store = new RecordingStore();
        await using var services = TestCorpus.Services(TestCorpus.Plans, data.Path, configure: s => s.AddSingleton<IConversationStore>(store));
        await services.GetRequiredService<KeHoach57.Retrieval.CorpusIndexer>().RebuildAsync(TestCorpus.Plans, TestContext.Current.CancellationToken);

        var run = await new EvalRunner().RunAsync(new AssistantTarget(services.GetRequiredService<ConversationService>()), Cases(Items), EvalVariant.Question, TestContext.Current.CancellationToken);

        Assert.Equal(["yh-1", "dlg-1#1", "dlg-1#2"], run.Lines.Select(l => l.Case.Id));
        // Only the dialogue's two turns touch conversation state, both in one conversation with the dialogue's scope.
        Assert.Equal(2, store.Saves.Count);
        Assert.Single(store.Saves.Select(s => s.Id).Distinct());
        Assert.All(store.Saves, s => Assert.Equal("truong-giang", s.Scope));
        Assert.All(run.Lines.Skip(1).SelectMany(l => l.Line.Citations), c => Assert.Equal("truong-giang", c.Doc));
    }
}
