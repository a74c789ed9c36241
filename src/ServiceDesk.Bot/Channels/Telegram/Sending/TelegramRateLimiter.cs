using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.Telegram.Sending;

/// <summary>
/// Queues sends so that each chat gets at most ~1 message/s, each group at most 20/min and the bot at
/// most ~30/s. Every send reserves the earliest slot that satisfies all three and waits for it; nothing
/// is dropped. A 429 pauses the chat for its retry_after.
/// </summary>
public sealed class TelegramRateLimiter(IOptions<TelegramOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<long, DateTimeOffset> _chatNext = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groupSlots = [];
    private DateTimeOffset _globalNext = DateTimeOffset.MinValue;

    public async Task WaitAsync(long chatId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var delay = Reserve(chatId, now) - now;
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, clock, ct);
    }

    /// <summary>Reserves the next send slot for the chat at or after <paramref name="now"/>.</summary>
    public DateTimeOffset Reserve(long chatId, DateTimeOffset now)
    {
        var limits = options.Value.RateLimits;
        lock (_gate)
        {
            var slot = Max(now, Max(_globalNext, _chatNext.GetValueOrDefault(chatId, DateTimeOffset.MinValue)));
            Queue<DateTimeOffset>? group = null;
            if (chatId < 0)
            {
                if (!_groupSlots.TryGetValue(chatId, out group))
                    _groupSlots[chatId] = group = new Queue<DateTimeOffset>();
                if (group.Count >= limits.PerGroupPerMinute)
                    slot = Max(slot, group.Peek() + GroupWindow);
            }

            _chatNext[chatId] = slot + TimeSpan.FromSeconds(1 / limits.PerChatPerSecond);
            _globalNext = slot + TimeSpan.FromSeconds(1 / limits.GlobalPerSecond);
            if (group is not null)
            {
                group.Enqueue(slot);
                while (group.Count > limits.PerGroupPerMinute)
                    group.Dequeue();
            }

            if (_chatNext.Count > 10_000)
                Forget(now);
            return slot;
        }
    }

    /// <summary>Telegram said "retry after": nothing more goes to that chat until then.</summary>
    public void Pause(long chatId, TimeSpan retryAfter)
    {
        var until = clock.GetUtcNow() + retryAfter;
        lock (_gate)
            _chatNext[chatId] = Max(until, _chatNext.GetValueOrDefault(chatId, DateTimeOffset.MinValue));
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (chat, next) in _chatNext.ToList())
        {
            if (next < now - GroupWindow)
            {
                _chatNext.Remove(chat);
                _groupSlots.Remove(chat);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
