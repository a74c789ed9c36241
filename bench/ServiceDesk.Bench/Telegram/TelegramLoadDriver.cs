using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bench.Telegram;

/// <summary>
/// Closed-loop load through the fake Bot API: each of C simulated users sends a private message, waits for
/// the bot's first sendMessage to their chat, then sends the next. Latency is from the update being
/// queued at the fake to the reply reaching the fake. Update ids keep counting across runs, so a run may use other
/// chats than the one before it (an unmeasured warm-up) without its updates looking like repeats.
/// </summary>
public sealed class TelegramLoadDriver(FakeTelegramServer fake, int chats, Func<long, int, string> textFor)
{
    /// <summary>The first simulated user (and private chat) of a run that names none.</summary>
    public const long FirstUser = 7_000_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _outstandingSince = [];
    private readonly List<double> _latencies = [];
    private long _nextUpdate = 1;
    private int _remaining;
    private int _answered;
    private int _target;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<LoadResult> RunAsync(string name, int updates, TimeSpan timeout, long firstUser = FirstUser)
    {
        lock (_gate)
        {
            _latencies.Clear();
            _remaining = updates;
            _answered = 0;
            _target = updates;
            _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        fake.CallRecorded += OnCall;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var c = 0; c < chats; c++)
                PushNext(firstUser + c);
            if (await Task.WhenAny(_done.Task, Task.Delay(timeout)) != _done.Task)
                throw new TimeoutException($"{name}: only {_answered} of {updates} replies within {timeout}");
            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        }
        finally
        {
            fake.CallRecorded -= OnCall;
        }

        // Let the last polls settle so the next run starts clean.
        await Task.Delay(200);
        lock (_gate)
        {
            _outstandingSince.Clear();
            return new LoadResult(name, updates, clock.Elapsed, _latencies.ToList(), cpu);
        }
    }

    private void PushNext(long user)
    {
        // The id is taken and the update queued under one lock: Telegram numbers updates in the order they arrive, and a
        // higher id queued first would be confirmed (offset past it) before the lower one arrives, losing it.
        lock (_gate)
        {
            if (_remaining <= 0)
                return;
            _remaining--;
            var id = _nextUpdate++;
            _outstandingSince[user] = Stopwatch.GetTimestamp();
            fake.PushUpdate(JsonSerializer.Serialize(new
            {
                update_id = id,
                message = new
                {
                    message_id = id,
                    date = 1735689600,
                    from = new { id = user, is_bot = false, first_name = "Bench", language_code = "en" },
                    chat = new { id = user, type = "private" },
                    text = textFor(user, (int)id),
                },
            }));
        }
    }

    private void OnCall(RecordedCall call)
    {
        if (call.Method != "sendMessage" || !call.Succeeded || call.ChatId is not { } user)
            return;
        lock (_gate)
        {
            if (!_outstandingSince.Remove(user, out var since))
                return;
            _latencies.Add(Stopwatch.GetElapsedTime(since, call.TimestampTicks).TotalMilliseconds);
            if (++_answered == _target)
                _done.TrySetResult();
        }

        PushNext(user);
    }

    public static string Describe(LoadResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Name,-34} {r.UpdatesPerSecond,10:F0} upd/s   p50 {r.Percentile(50),7:F2} ms   p99 {r.Percentile(99),7:F2} ms   cpu {r.CpuMsPerUpdate,5:F2} ms/upd   ({r.Updates} updates in {r.Elapsed.TotalSeconds:F2} s)");
}
