using KeHoach57.Conversations;
using KeHoach57.Conversations.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace KeHoach57.Channels.Telegram;

/// <summary>Answers one update taken from the inbox: a text message (question or command) or a button press.</summary>
public sealed class TelegramUpdateHandler
{
    private readonly TelegramApi _api;
    private readonly TelegramSender _sender;
    private readonly IndexWarmup _warmup;
    private readonly ChatTurns _turns;
    private readonly TelegramQuiz _quiz;
    private readonly ILogger _logger;

    public TelegramUpdateHandler(TelegramApi api, TelegramSender sender, ConversationService conversations, IndexWarmup warmup,
        IOptions<TelegramOptions> options, TimeProvider clock, TelegramQuiz quiz, ILogger<TelegramUpdateHandler> logger)
    {
        _api = api;
        _quiz = quiz;
        _sender = sender;
        _warmup = warmup;
        _logger = logger;
        _turns = options.Value.CreateTurns(conversations, ChannelStyle.Telegram, clock, logger);
    }

    public static string ConversationId(long chatId) => $"telegram:{chatId}";

    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        await _warmup.EnsureAsync();
        if (update.Message is { } message) await OnMessageAsync(message, cancellationToken);
        else if (update.CallbackQuery is { } query) await OnCallbackAsync(query, cancellationToken);
    }

    private async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var chat = message.Chat;
        var isGroup = chat.Type is ChatType.Group or ChatType.Supergroup;
        var threadId = message.IsTopicMessage ? message.MessageThreadId : null;
        if (message.Text is null)
        {
            if (chat.Type == ChatType.Private && await _turns.ReplyToNonTextAsync(ConversationId(chat.Id), cancellationToken) is { } notText)
                await _sender.SendAsync(chat.Id, notText, null, threadId, cancellationToken);
            return;
        }
        var bot = await _api.IdentityAsync(cancellationToken);
        var text = TelegramAddressing.AddressedText(message, bot);
        if (text is null) return;
        if (TelegramQuiz.PlanArgument(text, bot.Username) is { } plan)
        {
            await _quiz.StartAsync(chat.Id, plan, threadId, cancellationToken);
            return;
        }
        var reply = await _turns.ReplyAsync(ConversationId(chat.Id), text, bot.Username, cancellationToken);
        if (reply is not null)
            await _sender.SendAsync(chat.Id, reply, isGroup ? message.MessageId : null, threadId, cancellationToken);
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var chat = query.Message?.Chat;
        if (chat is not null && await _quiz.OnCallbackAsync(chat.Id, query.Id, query.Data,
                query.Message!.IsTopicMessage ? query.Message.MessageThreadId : null, cancellationToken))
            return;
        var scope = TelegramHtml.ScopeFromCallback(query.Data);
        ChatReply? reply = null;
        if (scope is not null && chat is not null)
            reply = await _turns.ChooseScopeAsync(ConversationId(chat.Id), scope, cancellationToken);
        // Always answered, or the button keeps spinning in the person's app.
        try
        {
            await _api.CreateClient().AnswerCallbackQuery(query.Id, reply?.Notice, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Late answers (over ~15 s) are refused by Telegram; the confirmation message below still goes out.
            _logger.LogWarning(ex, "answerCallbackQuery failed for {Query}", query.Id);
        }
        if (reply is not null && chat is not null)
            await _sender.SendAsync(chat.Id, reply, null, query.Message!.IsTopicMessage ? query.Message.MessageThreadId : null, cancellationToken);
    }
}
