using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Core.Telemetry;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// Long polling (the default mode): deleteWebhook, then getUpdates from the persisted offset. A batch is
/// processed (in order within a chat; up to ParallelChats chats at once) before its offset is persisted and
/// confirmed to Telegram, so a restart neither loses nor repeats updates. Replicas sharing the store take turns: one
/// holds the polling claim and renews it, the others stand by (two pollers of one bot would cut each other's long polls
/// off with 409 Conflict) and take over when it stops or its claim lapses.
/// </summary>
public sealed class TelegramPollingService(
    TelegramBotClient client,
    TelegramUpdateProcessor processor,
    ITelegramStateStore store,
    IOptions<TelegramOptions> options,
    TelegramRetryPolicy retry,
    TimeProvider clock,
    ILogger<TelegramPollingService> log,
    ServiceDeskMetrics? metrics = null) : BackgroundService
{
    private readonly Dictionary<long, int> _failedRounds = [];
    private readonly string _replica = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private int _failingRound;
    private bool? _holding;
    private DateTimeOffset _renewAfter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || o.Mode != TelegramMode.Polling)
            return;
        await Task.Yield();
        var backoff = retry.FirstBackoff;
        var webhookDeleted = false;
        long? offset = null;
        var offsetKnown = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await HoldAsync(o, stoppingToken))
                {
                    offsetKnown = false; // the polling replica moves it meanwhile
                    await DelayAsync(StandbyCheck(o), stoppingToken);
                    continue;
                }

                if (!webhookDeleted)
                {
                    await client.DeleteWebhookAsync(stoppingToken);
                    webhookDeleted = true;
                }

                // Read once: this poller is the offset's only writer (a second poller on the token gets 409 Conflict).
                if (!offsetKnown)
                {
                    offset = await store.GetNextOffsetAsync(stoppingToken);
                    offsetKnown = true;
                }

                var raw = await client.GetUpdatesAsync(offset, o.PollLimit, o.PollTimeoutSeconds, stoppingToken);
                backoff = retry.FirstBackoff;
                if (raw.Count == 0)
                    continue;
                var (next, failed) = await ProcessBatchAsync(raw, o);
                if (next is { } n && n != offset)
                {
                    await store.SetNextOffsetAsync(n, CancellationToken.None);
                    offset = n;
                }
                if (failed)
                    await DelayAsync(retry.Backoff(++_failingRound), stoppingToken);
                else
                    _failingRound = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (TelegramApiException e)
            {
                var wait = e.ErrorCode == 429 && e.Parameters?.RetryAfter is { } s ? TimeSpan.FromSeconds(s) : backoff;
                log.LogWarning("Telegram polling: {Code} {Description}; next try in {Wait}", e.ErrorCode, e.Description, wait);
                metrics?.ReceiveFailure(TelegramUpdateMapper.ChannelName, e.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
                backoff = TimeSpan.FromTicks(Math.Min(retry.MaxBackoff.Ticks, backoff.Ticks * 2));
                await DelayAsync(wait, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The state store is unreachable (the database is down): nothing was confirmed, so nothing is lost.
                log.LogError(e, "Telegram polling failed; next try in {Wait}", backoff);
                metrics?.ReceiveFailure(TelegramUpdateMapper.ChannelName, e is HttpRequestException ? "network" : "store");
                await DelayAsync(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(retry.MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }

        await ReleaseAsync();
    }

    /// <summary>Claims or renews the right to poll; renewed once a third of the claim has run, not on every getUpdates.</summary>
    private async Task<bool> HoldAsync(TelegramOptions o, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_holding == true && now < _renewAfter)
            return true;
        var lease = TimeSpan.FromSeconds(o.PollingLeaseSeconds);
        var held = await store.TryHoldPollingAsync(_replica, lease, ct);
        if (held != _holding)
        {
            if (held)
                log.LogInformation("Telegram polling: this replica ({Replica}) polls", _replica);
            else
                log.LogInformation("Telegram polling: another replica polls; this one ({Replica}) stands by", _replica);
        }

        _holding = held;
        _renewAfter = now + lease / 3;
        return held;
    }

    /// <summary>How often a standing-by replica asks whether the claim is free: a third of the claim, at most 5 s.</summary>
    private static TimeSpan StandbyCheck(TelegramOptions o) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(o.PollingLeaseSeconds).Ticks / 3, TimeSpan.FromSeconds(5).Ticks));

    /// <summary>On a clean stop the claim is given up, so a standing-by replica takes over at its next check.</summary>
    private async Task ReleaseAsync()
    {
        if (_holding != true)
            return;
        try
        {
            await store.ReleasePollingAsync(_replica, CancellationToken.None);
            _holding = false;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Telegram polling: giving up the polling claim failed; another replica takes over when it lapses");
        }
    }

    /// <summary>
    /// Processes a batch. The next offset is the highest update_id + 1, or the lowest update that failed (it and later
    /// ones are fetched again; those already handled are recognised as duplicates).
    /// </summary>
    private async Task<(long? Next, bool Failed)> ProcessBatchAsync(IReadOnlyList<JsonElement> raw, TelegramOptions o)
    {
        long? highest = null;
        var byChat = new Dictionary<long, List<Update>>();
        foreach (var json in raw)
        {
            var id = TelegramUpdateReader.PeekId(json);
            if (id is { } i)
                highest = Math.Max(highest ?? i, i);
            if (!TelegramUpdateReader.TryRead(json, out var update, out var error))
            {
                log.LogWarning("Telegram update {UpdateId} skipped: {Error}", id, error);
                continue;
            }

            var key = ChatOf(update!);
            if (!byChat.TryGetValue(key, out var list))
                byChat[key] = list = [];
            list.Add(update!);
        }

        // The updates are confirmed once processed: finish them even while the host is stopping.
        var marks = await ReadMarksAsync(byChat.Keys.Where(chat => chat > 0).ToList());
        var failures = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Parallel.ForEachAsync(byChat.Values, new ParallelOptions { MaxDegreeOfParallelism = o.ParallelChats }, async (updates, _) =>
        {
            foreach (var u in updates)
            {
                if (await processor.ProcessAsync(u, marks, CancellationToken.None) || GiveUp(u.UpdateId))
                    continue;
                failures.Add(u.UpdateId);
                return; // later updates of this chat wait for it, in order
            }
        });
        return failures.IsEmpty ? (highest + 1, false) : (failures.Min(), true);
    }

    /// <summary>
    /// The unreachable marks of the batch's private chats in one read (instead of one per message); when the read fails the
    /// processor reads each chat's mark itself, with its retries.
    /// </summary>
    private async Task<TelegramChatMarks?> ReadMarksAsync(IReadOnlyCollection<long> privateChats)
    {
        if (privateChats.Count == 0)
            return null;
        try
        {
            return new TelegramChatMarks(privateChats, await store.UnreachableAmongAsync(privateChats, CancellationToken.None));
        }
        catch (Exception e)
        {
            log.LogDebug(e, "Telegram polling: reading the batch's unreachable marks failed; each update reads its own");
            return null;
        }
    }

    /// <summary>Counts a failed round for the update; true when it has failed too often and is skipped.</summary>
    private bool GiveUp(long updateId)
    {
        lock (_failedRounds)
        {
            var rounds = _failedRounds[updateId] = _failedRounds.GetValueOrDefault(updateId) + 1;
            if (rounds < retry.RoundsBeforeSkip)
                return false;
            _failedRounds.Remove(updateId);
            log.LogError("Telegram update {UpdateId} failed in {Rounds} rounds; skipped", updateId, rounds);
            return true;
        }
    }

    private static long ChatOf(Update u) =>
        u.Message?.Chat.Id ?? u.CallbackQuery?.Message?.Chat.Id ?? u.CallbackQuery?.From.Id ?? u.EditedMessage?.Chat.Id ?? 0;

    private async Task DelayAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, clock, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
