using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Conversations;

/// <summary>
/// How fast one sender may write (<see cref="ServiceDeskOptions.MessagesPerMinute"/>): a token bucket per sender that
/// holds a minute's allowance and refills evenly. Beyond it the first refused message is answered (slow down), the rest
/// are not. In memory, per process; once many senders are kept, those idle for a minute are forgotten (a sweep a minute).
/// </summary>
public sealed class SenderRateLimiter(IOptions<ServiceDeskOptions> options, TimeProvider clock)
{
    private const int SweepAbove = 10_000;

    private readonly int _perMinute = options.Value.MessagesPerMinute;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public int PerMinute => _perMinute;

    /// <summary>Senders kept in memory now.</summary>
    internal int Count => _buckets.Count;

    public RateVerdict Check(string channel, string senderId)
    {
        if (_perMinute == 0) return RateVerdict.Allowed;
        var now = clock.GetUtcNow();
        if (_buckets.Count > SweepAbove) SweepAtMostEveryMinute(now);
        var bucket = _buckets.GetOrAdd(channel + ":" + senderId, _ => new Bucket(_perMinute, now));
        lock (bucket)
        {
            var refill = (now - bucket.At).TotalMinutes * _perMinute;
            bucket.Tokens = Math.Min(_perMinute, bucket.Tokens + Math.Max(refill, 0));
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Told = false;
                return RateVerdict.Allowed;
            }
            if (bucket.Told) return RateVerdict.Refused;
            bucket.Told = true;
            return RateVerdict.RefusedTellOnce;
        }
    }

    /// <summary>Forgets senders idle for a minute (their bucket is full again anyway); one sweep a minute at most.</summary>
    private void SweepAtMostEveryMinute(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last) return;
        foreach (var (key, bucket) in _buckets)
        {
            if (now - bucket.At >= TimeSpan.FromMinutes(1)) _buckets.TryRemove(key, out _);
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens = tokens;
        public DateTimeOffset At = at;
        public bool Told;
    }
}
