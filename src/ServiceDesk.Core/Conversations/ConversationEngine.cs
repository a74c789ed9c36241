using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations.Commands;
using ServiceDesk.Core.Conversations.Texts;
using ServiceDesk.Core.Knowledge.Analysis;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Telemetry;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.Conversations;

/// <summary>
/// The turn engine every channel feeds: load state → run one command or dialog step → save everything (ticket, history,
/// conversation, outbox, processed message id) in one transaction. It is the single error boundary of a turn: no
/// exception escapes, the person gets a localized answer.
/// </summary>
public sealed class ConversationEngine(
    IDbContextFactory<ServiceDeskDbContext> dbFactory,
    PeopleDirectory people,
    TextCatalog texts,
    IOptions<ServiceDeskOptions> options,
    TimeProvider clock,
    IEnumerable<ICommandHandler> commands,
    IEnumerable<IDialog> dialogs,
    TicketHooks hooks,
    OutboxSignal outboxSignal,
    TextAnalyzer analyzer,
    ILogger<ConversationEngine> logger,
    ServiceDeskMetrics? metrics = null,
    SenderRateLimiter? limiter = null)
{
    private const int Attempts = 4;
    private readonly Dictionary<string, ICommandHandler> _commands = commands.SelectMany(c => c.Names.Select(n => (n, c))).ToDictionary(x => x.n, x => x.c);
    private readonly Dictionary<string, IDialog> _dialogs = dialogs.ToDictionary(d => d.Name);
    private readonly ServiceDeskOptions _options = options.Value;
    private readonly TurnQueries _queries = new();

    public IReadOnlySet<string> CommandNames => _commands.Keys.ToHashSet();

    /// <param name="alongside">
    /// Work the channel needs saved in the turn's own transaction (the web channel's copy of the person's message, so
    /// that it and the replies are written together); it takes part in the turn's save, or in the error reply's.
    /// </param>
    public async Task<TurnResult> HandleAsync(InboundMessage message, CancellationToken cancellationToken, ISaveParticipant? alongside = null)
    {
        var started = Stopwatch.GetTimestamp();
        var verdict = limiter?.Check(message.Channel, message.SenderId) ?? RateVerdict.Allowed;
        if (verdict != RateVerdict.Allowed)
        {
            var skipped = await SkipAsync(message, alongside, verdict == RateVerdict.RefusedTellOnce, cancellationToken);
            metrics?.Turn(message.Channel, "throttled", Stopwatch.GetElapsedTime(started));
            return skipped;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await RunTurnAsync(message, alongside, cancellationToken);
                metrics?.Turn(message.Channel, result.Duplicate ? "duplicate" : "handled", Stopwatch.GetElapsedTime(started));
                return result;
            }
            catch (Exception ex) when (attempt < Attempts && IsTransient(ex))
            {
                // Someone changed the same ticket (or took the same number) first: run the turn again on fresh state.
                logger.LogDebug(ex, "Turn {Channel}/{MessageId} conflicted, attempt {Attempt}", message.Channel, message.MessageId, attempt);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Turn {Channel}/{MessageId} failed", message.Channel, message.MessageId);
                metrics?.Turn(message.Channel, "failed", Stopwatch.GetElapsedTime(started));
                return await ReplyWithErrorAsync(message, alongside, cancellationToken);
            }
        }
    }

    private async Task<TurnResult> RunTurnAsync(InboundMessage message, ISaveParticipant? alongside, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (alongside is not null) db.Enlist(alongside);
        // one connection for the whole turn: opened per query, each open re-registers the provider's SQL functions (on
        // SQLite the turn starts and saves through the writer's connection, and most turns read nothing else)
        if (!db.ReadsThroughWriter) await db.Database.OpenConnectionAsync(ct);
        var person = people.Resolve(message.SenderIdentity, message.SenderName);
        var key = ConversationState.KeyOf(message.Channel, message.ConversationId, message.SenderId);
        var (processed, profile, state, waitingTicketId) = await _queries.StartAsync(db, message.Channel, message.MessageId, person.Id, key, ct);
        if (processed)
            return TurnResult.DuplicateMessage;

        if (profile is null)
        {
            profile = new PersonProfile { PersonId = person.Id, Language = person.Language };
            db.Profiles.Add(profile);
        }
        if (message.IsPrivate)
        {
            profile.PrivateChannel = message.Channel;
            profile.PrivateConversationId = message.ConversationId;
            profile.Unreachable = false;
        }

        if (state is null)
        {
            state = new ConversationState { Id = key, Channel = message.Channel, ConversationId = message.ConversationId, PersonId = person.Id };
            db.Conversations.Add(state);
        }
        state.Language ??= profile.Language ?? LocaleLanguage.FromLocale(message.Locale);

        var ctx = new TurnContext(db, message, person, profile, state, texts, people, _options, now) { WaitingTicketId = waitingTicketId };
        if (state.Dialog is not null && now - state.UpdatedAt > _options.ConversationIdleTimeout)
        {
            PendingCommand.Clear(state);
            ctx.Reply("dialog.expired");
        }
        await DispatchAsync(ctx, ct);

        state.UpdatedAt = now;
        // the profile is written only when the turn changed it (not on every message)
        var profileEntry = db.Entry(profile);
        profileEntry.DetectChanges();
        if (profileEntry.State is EntityState.Added or EntityState.Modified) profile.UpdatedAt = now;
        db.ProcessedMessages.Add(new ProcessedMessage { Channel = message.Channel, MessageId = message.MessageId, ProcessedAt = now });
        await hooks.RunAsync(db, ctx.Outbox, now, ct);
        await db.SaveChangesAsync(ct);
        if (ctx.Outbox.Queued) outboxSignal.Notify();
        return new TurnResult(ctx.Outbound);
    }

    private async Task DispatchAsync(TurnContext ctx, CancellationToken ct)
    {
        var m = ctx.Message;
        var text = InputText.Clean(m.Action ?? m.Text);
        if (text.Length > _options.MaxMessageLength)
        {
            ctx.Reply("input.too_long", ("max", _options.MaxMessageLength), ("length", text.Length));
            return;
        }
        if (text.Length == 0 && m.Attachments.Count == 0)
        {
            if (m.IsPrivate) ctx.Reply("input.empty");
            return;
        }
        if (ctx.State.Language is null && m.IsPrivate && text.Length > 0)
        {
            ctx.State.Language = analyzer.GuessLanguage(text, _options.DefaultLanguage);
            ctx.Profile.Language ??= ctx.State.Language;
        }

        var command = CommandParser.Parse(text, CommandNames);
        if (command is not null && !command.Explicit && !_commands[command.Name].Accepts(command.Args)) command = null;
        if (command is not null)
        {
            if (_commands[command.Name] is CancelCommand && command.Args.Length == 0)
            {
                var had = ctx.State.Dialog is not null;
                PendingCommand.Clear(ctx.State);
                ctx.Reply(had ? "dialog.cancelled" : "dialog.nothing_to_cancel");
                return;
            }
            if (ctx.State.Dialog == PendingCommand.DialogName) PendingCommand.Clear(ctx.State);
            await _commands[command.Name].ExecuteAsync(ctx, command, ct);
            return;
        }
        if (PendingCommand.Take(ctx.State) is { } pending)
        {
            var completed = CommandParser.Parse(pending + " " + text, CommandNames)!;
            await _commands[completed.Name].ExecuteAsync(ctx, completed, ct);
            return;
        }
        if (await TicketConversation.TryHandleAsync(ctx, text, ct)) return;
        if (CommandParser.LooksLikeCommand(text))
        {
            ctx.Reply("command.unknown", ("command", text.TrimStart('/').Split(' ', 2)[0]));
            return;
        }
        if (!m.IsPrivate) return; // chatter in a group that is not about a ticket is not for the bot
        if (ctx.State.Dialog is { } name && _dialogs.TryGetValue(name, out var dialog))
        {
            await dialog.ContinueAsync(ctx, text, ct);
            return;
        }
        await _dialogs[IntakeDialogName].StartAsync(ctx, text, ct);
    }

    public const string IntakeDialogName = "intake";

    private static bool IsTransient(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } } => true, // unique: a number taken meanwhile
        DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "23505" } } => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // busy / locked
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 5 or 6 } } => true,
        _ => false,
    };

    /// <summary>
    /// A message over its sender's rate: recorded as handled (with the web channel's copy of it, if any) without a turn;
    /// the first one gets a note to slow down.
    /// </summary>
    private async Task<TurnResult> SkipAsync(InboundMessage message, ISaveParticipant? alongside, bool tell, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (alongside is not null) db.Enlist(alongside);
        if (await _queries.IsProcessed(db, message.Channel, message.MessageId, ct))
            return TurnResult.DuplicateMessage;
        return await AnswerWithoutTurnAsync(db, message, tell ? "input.too_fast" : null, processed: false, ct, ("limit", _options.MessagesPerMinute));
    }

    /// <summary>The turn failed: answer anyway (in its own small transaction) and remember the message as handled.</summary>
    private async Task<TurnResult> ReplyWithErrorAsync(InboundMessage message, ISaveParticipant? alongside, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (alongside is not null) db.Enlist(alongside);
            var processed = await _queries.IsProcessed(db, message.Channel, message.MessageId, ct);
            return await AnswerWithoutTurnAsync(db, message, "error.internal", processed, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not even record the error reply for {Channel}/{MessageId}", message.Channel, message.MessageId);
            return new TurnResult([]);
        }
    }

    /// <summary>
    /// Saves a message as handled without running a turn, with <paramref name="replyKey"/> (if any) as the answer in the
    /// language of the message's locale.
    /// </summary>
    private async Task<TurnResult> AnswerWithoutTurnAsync(
        ServiceDeskDbContext db, InboundMessage message, string? replyKey, bool processed, CancellationToken ct, params (string Name, object? Value)[] args)
    {
        var now = clock.GetUtcNow();
        var writer = new OutboxWriter(db, now);
        if (replyKey is not null)
        {
            var lang = LocaleLanguage.FromLocale(message.Locale) ?? _options.DefaultLanguage;
            writer.Write(new OutboundMessage { To = message.ReplyAddress, Text = texts.Get(lang, replyKey, args) });
        }
        if (!processed)
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = message.Channel, MessageId = message.MessageId, ProcessedAt = now });
        await db.SaveChangesAsync(ct);
        if (writer.Queued) outboxSignal.Notify();
        return new TurnResult(writer.Written);
    }
}
